/*
 * A multinomial logistic regression stored as JSON: one weight per class for each sparse feature
 * (flattened, feature-major) and for each dense feature, plus a bias per class.
 */

export interface LinearModelJson {
  classes: readonly string[];
  features: readonly string[];
  /** features.length × classes.length, feature-major. */
  weights: readonly number[];
  dense: readonly string[];
  /** dense.length × classes.length, feature-major. */
  denseWeights: readonly number[];
  bias: readonly number[];
}

export class LinearModel<C extends string> {
  readonly classes: readonly C[];
  private readonly index: ReadonlyMap<string, number>;

  constructor(private readonly json: LinearModelJson) {
    this.classes = json.classes as readonly C[];
    this.index = new Map(json.features.map((feature, i) => [feature, i]));
  }

  /** Class probabilities; `known` counts the sparse features the model has a weight for. */
  predict(
    sparse: readonly string[],
    dense: readonly number[] = [],
  ): { probabilities: number[]; known: number } {
    const k = this.classes.length;
    const logits = [...this.json.bias];
    let known = 0;
    // Each occurrence counts 1/√n, n the message's feature count: long messages are not louder.
    const scale = 1 / Math.sqrt(Math.max(1, sparse.length));
    for (const feature of sparse) {
      const row = this.index.get(feature);
      if (row === undefined) continue;
      known++;
      for (let c = 0; c < k; c++) logits[c] += this.json.weights[row * k + c] * scale;
    }
    for (let d = 0; d < dense.length; d++) {
      for (let c = 0; c < k; c++) logits[c] += dense[d] * this.json.denseWeights[d * k + c];
    }
    return { probabilities: softmax(logits), known };
  }
}

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
