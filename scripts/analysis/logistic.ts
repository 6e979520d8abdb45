// Multinomial logistic regression trained with AdaGrad, deterministic for a given seed.
import type { LinearModelJson } from '@parley/domain';

export interface TrainingExample {
  sparse: readonly string[];
  dense: readonly number[];
  label: number;
  /** How much the example counts (1 unless given), multiplied into the class weight. */
  weight?: number;
}

export interface TrainingOptions {
  classes: readonly string[];
  dense: readonly string[];
  /** Sparse features seen in fewer training examples are dropped. */
  minCount: number;
  /** Weigh classes inversely to their frequency (rare tones count as much as common ones). */
  balanced: boolean;
  /** Extra weight per class, multiplied into the balanced weight (e.g. more for the rare angry class). */
  classWeights?: readonly number[];
  l2: number;
  /** L2 of the dense (lexicon) weights: few features, each seen in every example. */
  denseL2: number;
  epochs: number;
  learningRate: number;
  /** Weights below this (in absolute value, for every class) are pruned from the saved model. */
  prune: number;
  seed: number;
}

interface Encoded {
  rows: Int32Array;
  values: Float64Array;
  dense: readonly number[];
  label: number;
  weight: number;
}

/** mulberry32: a small seeded generator for the shuffles. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainLogistic(
  examples: readonly TrainingExample[],
  options: TrainingOptions,
): LinearModelJson {
  const k = options.classes.length;
  const documentFrequency = new Map<string, number>();
  for (const example of examples) {
    for (const feature of new Set(example.sparse)) {
      documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    }
  }
  const features = [...documentFrequency.entries()]
    .filter(([, n]) => n >= options.minCount)
    .map(([feature]) => feature)
    .sort();
  const index = new Map(features.map((feature, i) => [feature, i]));

  const perClass = options.classes.map((_, c) => examples.filter((e) => e.label === c).length);
  const encoded: Encoded[] = examples.map((example) => {
    const counts = new Map<number, number>();
    for (const feature of example.sparse) {
      const row = index.get(feature);
      if (row !== undefined) counts.set(row, (counts.get(row) ?? 0) + 1);
    }
    const scale = 1 / Math.sqrt(Math.max(1, example.sparse.length));
    return {
      rows: Int32Array.from(counts.keys()),
      values: Float64Array.from([...counts.values()].map((n) => n * scale)),
      dense: example.dense,
      label: example.label,
      weight:
        (options.balanced ? examples.length / (k * Math.max(1, perClass[example.label])) : 1) *
        (options.classWeights?.[example.label] ?? 1) *
        (example.weight ?? 1),
    };
  });

  const weights = new Float64Array(features.length * k);
  const gradSquares = new Float64Array(features.length * k).fill(1e-8);
  const denseWeights = new Float64Array(options.dense.length * k);
  const denseSquares = new Float64Array(options.dense.length * k).fill(1e-8);
  const bias = new Float64Array(k);
  const biasSquares = new Float64Array(k).fill(1e-8);
  const next = random(options.seed);
  const order = encoded.map((_, i) => i);
  const logits = new Float64Array(k);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const example = encoded[n];
      for (let c = 0; c < k; c++) logits[c] = bias[c];
      for (let f = 0; f < example.rows.length; f++) {
        const base = example.rows[f] * k;
        for (let c = 0; c < k; c++) logits[c] += weights[base + c] * example.values[f];
      }
      for (let d = 0; d < example.dense.length; d++) {
        for (let c = 0; c < k; c++) logits[c] += denseWeights[d * k + c] * example.dense[d];
      }
      const max = Math.max(...logits);
      let total = 0;
      for (let c = 0; c < k; c++) total += logits[c] = Math.exp(logits[c] - max);
      for (let c = 0; c < k; c++) {
        const error = example.weight * (logits[c] / total - (c === example.label ? 1 : 0));
        biasSquares[c] += error * error;
        bias[c] -= (options.learningRate * error) / Math.sqrt(biasSquares[c]);
        for (let f = 0; f < example.rows.length; f++) {
          const at = example.rows[f] * k + c;
          const gradient = error * example.values[f] + options.l2 * weights[at];
          gradSquares[at] += gradient * gradient;
          weights[at] -= (options.learningRate * gradient) / Math.sqrt(gradSquares[at]);
        }
        for (let d = 0; d < example.dense.length; d++) {
          const at = d * k + c;
          const gradient = error * example.dense[d] + options.denseL2 * denseWeights[at];
          denseSquares[at] += gradient * gradient;
          denseWeights[at] -= (options.learningRate * gradient) / Math.sqrt(denseSquares[at]);
        }
      }
    }
  }

  const round = (value: number): number => Math.round(value * 1000) / 1000;
  const kept: string[] = [];
  const keptWeights: number[] = [];
  features.forEach((feature, row) => {
    const values = Array.from(weights.subarray(row * k, row * k + k));
    if (values.every((value) => Math.abs(value) < options.prune)) return;
    kept.push(feature);
    keptWeights.push(...values.map(round));
  });
  return {
    classes: options.classes,
    features: kept,
    weights: keptWeights,
    dense: options.dense,
    denseWeights: Array.from(denseWeights, round),
    bias: Array.from(bias, round),
  };
}
