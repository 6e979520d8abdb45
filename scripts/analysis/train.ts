// Trains the analyser's tone and intent models on the training split and writes their weights
// (libs/domain/src/analysis/model/*.json). Deterministic: the same data gives the same files.
// `--tune` prints development-split scores over a grid of settings instead (the test split is
// never read here).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ToneLabel } from '@parley/contracts';
import {
  intentOfProbabilities,
  intentProbabilities,
  lexiconSignals,
  LinearModel,
  sparseFeatures,
  TONE_DENSE_FEATURES,
  TONE_OVERRIDES,
  toneDenseFeatures,
  toneOfProbabilities,
  type LexiconSignals,
  type LinearModelJson,
  type ToneOverrides,
} from '@parley/domain';
import {
  intentSplit,
  MODEL_INTENTS,
  REPO_ROOT,
  toneSplit,
  type IntentExample,
  type ToneExample,
} from './data';
import { trainLogistic, type TrainingExample, type TrainingOptions } from './logistic';
import { binaryScores, macroScores } from './metrics';
import { vaderLexicon } from './vader-lexicon';

export const MODEL_DIR = path.join(REPO_ROOT, 'libs', 'domain', 'src', 'analysis', 'model');
const TONES: readonly ToneLabel[] = ['angry', 'frustrated', 'neutral', 'positive'];

export const TONE_OPTIONS: TrainingOptions = {
  classes: TONES,
  dense: TONE_DENSE_FEATURES,
  minCount: 2,
  balanced: true,
  l2: 0.03,
  denseL2: 0.03,
  epochs: 10,
  learningRate: 0.1,
  prune: 0.02,
  seed: 7,
};
/** Added to the trained biases (angry, frustrated, neutral, positive): chosen on the development split. */
export const TONE_BIAS_SHIFT = [-0.5, -0.25, 0, -0.25];

export const INTENT_OPTIONS: TrainingOptions = {
  classes: MODEL_INTENTS,
  dense: [],
  minCount: 2,
  // "Other" is most of what visitors write: its prior keeps the model from reading a refund
  // into "this is bad".
  balanced: false,
  l2: 1e-4,
  denseL2: 1e-4,
  epochs: 10,
  learningRate: 0.1,
  prune: 0.02,
  seed: 11,
};

function toneExamples(rows: readonly ToneExample[]): TrainingExample[] {
  return rows.map((row) => ({
    sparse: sparseFeatures(row.text),
    dense: toneDenseFeatures(lexiconSignals(row.text)),
    label: TONES.indexOf(row.label),
  }));
}

function intentExamples(rows: readonly IntentExample[]): TrainingExample[] {
  return rows.map((row) => ({
    sparse: sparseFeatures(row.text),
    dense: [],
    label: MODEL_INTENTS.indexOf(row.label),
  }));
}

export function trainTone(options = TONE_OPTIONS, shift = TONE_BIAS_SHIFT): LinearModelJson {
  const model = trainLogistic(toneExamples(toneSplit().train), options);
  return { ...model, bias: model.bias.map((b, i) => Math.round((b + shift[i]) * 1000) / 1000) };
}

export function trainIntent(options = INTENT_OPTIONS): LinearModelJson {
  return trainLogistic(intentExamples(intentSplit().train), options);
}

const polarity = (tone: ToneLabel): string =>
  tone === 'angry' || tone === 'frustrated' ? 'negative' : tone;

interface CachedTone {
  sparse: string[];
  dense: number[];
  signals: LexiconSignals;
  label: ToneLabel;
}

interface ToneScores {
  macroF1: number;
  macroRecall: number;
  angerF1: number;
}

function toneScores(
  json: LinearModelJson,
  rows: readonly CachedTone[],
  shift: readonly number[],
  overrides: ToneOverrides,
): ToneScores {
  const model = new LinearModel<ToneLabel>({ ...json, bias: json.bias.map((b, i) => b + shift[i]) });
  const predicted = rows.map((row) => {
    const { probabilities } = model.predict(row.sparse, row.dense);
    return toneOfProbabilities(TONES, probabilities, row.signals, overrides).label;
  });
  const truth = rows.map((row) => row.label);
  const polarities = ['negative', 'neutral', 'positive'];
  const three = macroScores(truth.map(polarity), predicted.map(polarity), polarities);
  const angerF1 = binaryScores(truth, predicted, 'angry').f1;
  return { macroF1: three.f1, macroRecall: three.recall, angerF1 };
}

const SHIFT_STEPS = [-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1];

/** The bias shifts (neutral fixed) that maximise macro-recall + anger F1 on the rows. */
function bestShift(json: LinearModelJson, rows: readonly CachedTone[], overrides: ToneOverrides) {
  let best = { objective: -1, shift: [0, 0, 0, 0], scores: toneScores(json, rows, [0, 0, 0, 0], overrides) };
  for (const angry of SHIFT_STEPS) {
    for (const frustrated of SHIFT_STEPS) {
      for (const positive of SHIFT_STEPS) {
        const shift = [angry, frustrated, 0, positive];
        const scores = toneScores(json, rows, shift, overrides);
        const objective = scores.macroRecall + scores.angerF1;
        if (objective > best.objective) best = { objective, shift, scores };
      }
    }
  }
  return best;
}

/** Development-split scores of the tone settings: regularisation, lexicon overrides, bias shifts. */
function tuneTone(): void {
  const dev: CachedTone[] = toneSplit().dev.map((row) => {
    const signals = lexiconSignals(row.text);
    return { sparse: sparseFeatures(row.text), dense: toneDenseFeatures(signals), signals, label: row.label };
  });
  const fmt = (n: number): string => n.toFixed(3);
  for (const l2 of [1e-3, 1e-2, 3e-2]) {
    const json = trainTone({ ...TONE_OPTIONS, l2, denseL2: l2 }, [0, 0, 0, 0]);
    for (const overrides of [
      { sarcasm: true, lexiconAnger: false, lexiconNegative: -2, negation: false },
      { ...TONE_OVERRIDES, lexiconNegative: -2 },
      { ...TONE_OVERRIDES, lexiconNegative: -0.35 },
      TONE_OVERRIDES,
    ]) {
      const { shift, scores } = bestShift(json, dev, overrides);
      console.log(
        `tone l2=${l2} overrides=${JSON.stringify(overrides)} shift=${shift.join(',')} ` +
          `macroF1=${fmt(scores.macroF1)} macroRecall=${fmt(scores.macroRecall)} ` +
          `angerF1=${fmt(scores.angerF1)}`,
      );
    }
  }
}

/** Development-split scores of the intent thresholds (with the committed weights). */
function tuneIntent(): void {
  const dev = intentSplit().dev.map((row) => ({ ...row, probabilities: intentProbabilities(row.text) }));
  const truth = dev.map((row) => row.label);
  for (const humanRequest of [0.8, 0.9, 0.95]) {
    for (const model of [0.5, 0.6, 0.7]) {
      for (const other of [0.6, 0.75, 0.85, 0.9, 0.95]) {
        const thresholds = { humanRequest, model, other };
        const said = dev.map((row) => intentOfProbabilities(row.text, row.probabilities, thresholds));
        const human = binaryScores<string>(truth, said, 'human_request');
        const f1 = (intent: string): string => binaryScores<string>(truth, said, intent).f1.toFixed(3);
        console.log(
          `intent ${JSON.stringify(thresholds)} human P=${human.precision.toFixed(3)} ` +
            `R=${human.recall.toFixed(3)} complaintF1=${f1('complaint')} refundF1=${f1('refund')} ` +
            `cancelF1=${f1('cancel')}`,
        );
      }
    }
  }
}

function write(name: string, json: unknown): void {
  const file = path.join(MODEL_DIR, name);
  writeFileSync(file, `${JSON.stringify(json)}\n`);
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

if (require.main === module) {
  if (process.argv.includes('--tune')) {
    tuneIntent();
    tuneTone();
  } else {
    write('vader-lexicon.json', vaderLexicon());
    write('tone.json', trainTone());
    write('intent.json', trainIntent());
  }
}
