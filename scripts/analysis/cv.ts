// k-fold cross-validation of the tone model over train + dev (the test split is never read here).
// Each setting is trained k times, each time on k−1 folds, and predicts the fold it did not see;
// the bias shifts and the decision rule are then chosen on all out-of-fold predictions at once
// (4,600 comments, 265 of them angry, instead of dev's 815 and 47).
//
//   node -r ./scripts/register.js scripts/analysis/cv.ts [--quick]
import type { ToneLabel } from '@parley/contracts';
import {
  lexiconSignals,
  LinearModel,
  sparseFeatures,
  TONE_OVERRIDES,
  toneDenseFeatures,
  toneLabel,
  toneOfProbabilities,
  type LexiconSignals,
  type ToneOverrides,
} from '@parley/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  hashText,
  intentSplit,
  OUT_OF_DOMAIN_SETS,
  outOfDomainTuning,
  readJsonl,
  sharedDataDir,
  toneSplit,
  type OutOfDomainSet,
  type ToneExample,
} from './data';
import { trainLogistic, type TrainingExample, type TrainingOptions } from './logistic';
import { binaryScores, macroScores } from './metrics';
import {
  TONE_ADAPTATION_WEIGHT,
  TONE_BIAS_SHIFT,
  TONE_OPTIONS,
  TONE_REVIEW_WEIGHT,
  TONE_SUPPORT_REQUEST_WEIGHT,
  TONES,
} from './tone-settings';

export const FOLDS = 5;

export interface CachedTone {
  text: string;
  sparse: string[];
  dense: number[];
  signals: LexiconSignals;
  label: ToneLabel;
  fold: number;
}

/** Train + dev, each row with its fold: stratified by label, rows ordered by text hash, dealt round. */
export function crossValidationRows(rows: readonly ToneExample[] = trainAndDev()): CachedTone[] {
  const out: CachedTone[] = [];
  for (const label of TONES) {
    const group = rows
      .filter((row) => row.label === label)
      .sort((a, b) => hashText(a.text) - hashText(b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    group.forEach((row, i) => {
      const signals = lexiconSignals(row.text);
      out.push({
        text: row.text,
        sparse: sparseFeatures(row.text),
        dense: toneDenseFeatures(signals),
        signals,
        label,
        fold: i % FOLDS,
      });
    });
  }
  return out;
}

export function trainAndDev(): ToneExample[] {
  const split = toneSplit();
  return [...split.train, ...split.dev];
}

const asTraining = (row: CachedTone): TrainingExample => ({
  sparse: row.sparse,
  dense: row.dense,
  label: TONES.indexOf(row.label),
});

/** A tone training row: the message's features and lexicon signals, counting `weight`. */
export function toneExample(text: string, label: ToneLabel, weight = 1): TrainingExample {
  return { sparse: sparseFeatures(text), dense: toneDenseFeatures(lexiconSignals(text)), label: TONES.indexOf(label), weight };
}

/**
 * The out-of-domain sets' tuning halves as extra tone training rows (tweets and support messages),
 * each counting `weight` (0: none). Their held-out halves are never trained on.
 */
export function adaptationExamples(
  weight: number,
  sets: readonly OutOfDomainSet[] = OUT_OF_DOMAIN_SETS,
  names: readonly ('tweets' | 'support')[] = ['tweets', 'support'],
): TrainingExample[] {
  if (weight === 0) return [];
  return outOfDomainTuning(sets, names)
    .filter((row): row is typeof row & { tone: ToneLabel } => row.tone !== undefined)
    .map((row) => toneExample(row.text, row.tone, weight));
}

/**
 * Bitext's support requests of the training split as tone rows, each counting `weight` (0: none):
 * offensive ones ("W") angry, the others neutral. They keep plain requests calm when rows written
 * to be angry are added.
 */
export function supportRequestExamples(weight: number): TrainingExample[] {
  if (weight === 0) return [];
  const offensive = new Set(
    readJsonl<{ text: string; tags: string }>(path.join(sharedDataDir(), 'intents-dev.jsonl'))
      .filter((row) => row.tags.includes('W'))
      .map((row) => row.text),
  );
  return intentSplit().train.map((row) => toneExample(row.text, offensive.has(row.text) ? 'angry' : 'neutral', weight));
}

/**
 * The UCI review sentences of one source (Kotzias et al., KDD 2015, CC BY 4.0), as shipped in the
 * `sentiment` package's test fixtures: 500 positive (class 1) and 500 negative (class 0).
 */
export function reviewSentences(source: 'amazon' | 'imdb' | 'yelp'): { text: string; class: 0 | 1 }[] {
  const dir = path.join(path.dirname(require.resolve('sentiment/package.json')), 'test', 'fixtures');
  return JSON.parse(readFileSync(path.join(dir, `${source}.json`), 'utf8')) as { text: string; class: 0 | 1 }[];
}

/**
 * The Amazon review sentences as tone rows, each counting `weight` (0: none): positive ones
 * positive, negative ones frustrated (a review rarely says whether it is angry). IMDb and Yelp are
 * never trained on.
 */
export function reviewExamples(weight: number): TrainingExample[] {
  if (weight === 0) return [];
  return reviewSentences('amazon').map((row) => toneExample(row.text, row.class === 1 ? 'positive' : 'frustrated', weight));
}

export interface OutOfFold {
  row: CachedTone;
  /** Unshifted logits of the model that did not see the row. */
  logits: number[];
  known: number;
}

/** Out-of-fold logits of every row for one training setting. */
export function outOfFold(
  rows: readonly CachedTone[],
  options: TrainingOptions,
  extra: readonly TrainingExample[] = [],
): OutOfFold[] {
  const result: OutOfFold[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const json = trainLogistic(
      [...rows.filter((row) => row.fold !== fold).map(asTraining), ...extra],
      options,
    );
    const model = new LinearModel<ToneLabel>({ ...json, bias: json.bias });
    for (const row of rows) {
      if (row.fold !== fold) continue;
      const { probabilities, known } = model.predict(row.sparse, row.dense);
      result.push({ row, logits: probabilities.map((p) => Math.log(p)), known });
    }
  }
  return result;
}

export interface ToneScores {
  macroF1: number;
  macroRecall: number;
  angerF1: number;
  angerPrecision: number;
  angerRecall: number;
}

const polarity = (tone: ToneLabel): string => (tone === 'angry' || tone === 'frustrated' ? 'negative' : tone);

export function predictShifted(
  item: OutOfFold,
  shift: readonly number[],
  overrides: ToneOverrides,
): ToneLabel {
  if (item.known === 0) return toneLabel(item.row.signals.score, item.row.signals.anger);
  const exps = item.logits.map((logit, c) => Math.exp(logit + shift[c]));
  const total = exps.reduce((sum, v) => sum + v, 0);
  return toneOfProbabilities(
    TONES,
    exps.map((v) => v / total),
    item.row.signals,
    overrides,
  ).label;
}

export function scoresOf(truth: readonly ToneLabel[], predicted: readonly ToneLabel[]): ToneScores {
  const three = macroScores(truth.map(polarity), predicted.map(polarity), ['negative', 'neutral', 'positive']);
  const anger = binaryScores(truth, predicted, 'angry');
  return {
    macroF1: three.f1,
    macroRecall: three.recall,
    angerF1: anger.f1,
    angerPrecision: anger.precision,
    angerRecall: anger.recall,
  };
}

export const SHIFT_STEPS = [-1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25];

/** Bias shifts (neutral fixed at 0) maximising macro-recall + anger F1 over the pooled predictions. */
export function bestShift(items: readonly OutOfFold[], overrides: ToneOverrides, steps = SHIFT_STEPS) {
  const truth = items.map((item) => item.row.label);
  let best = { objective: -1, shift: [0, 0, 0, 0], scores: scoresOf([], []) };
  for (const angry of steps) {
    for (const frustrated of steps) {
      for (const positive of steps) {
        const shift = [angry, frustrated, 0, positive];
        const scores = scoresOf(truth, items.map((item) => predictShifted(item, shift, overrides)));
        const objective = scores.macroRecall + scores.angerF1;
        if (objective > best.objective + 1e-9) best = { objective, shift, scores };
      }
    }
  }
  return best;
}

export interface ShiftChoice {
  overrides: ToneOverrides;
  shift: number[];
  objective: number;
  scores: ToneScores;
}

/**
 * The one-standard-error rule over the decision rules and bias shifts: among the settings whose
 * pooled objective (macro-recall + anger F1) lies within one standard error of the best (the
 * spread of the best's five per-fold objectives over √5), the one closest to the incumbent (the
 * committed shifts and rule), then the higher objective. A change must beat fold-to-fold noise.
 */
export function chooseShift(
  items: readonly OutOfFold[],
  rules: readonly ToneOverrides[],
  incumbent: { shift: readonly number[]; overrides: ToneOverrides },
  steps = SHIFT_STEPS,
): { best: ShiftChoice; standardError: number; chosen: ShiftChoice } {
  const truth = items.map((item) => item.row.label);
  const all: ShiftChoice[] = [];
  for (const overrides of rules) {
    for (const angry of steps) {
      for (const frustrated of steps) {
        for (const positive of steps) {
          const shift = [angry, frustrated, 0, positive];
          const scores = scoresOf(truth, items.map((item) => predictShifted(item, shift, overrides)));
          all.push({ overrides, shift, scores, objective: scores.macroRecall + scores.angerF1 });
        }
      }
    }
  }
  const best = all.reduce((a, b) => (b.objective > a.objective + 1e-9 ? b : a));
  const perFold = foldScores(items, best.shift, best.overrides).map((s) => s.macroRecall + s.angerF1);
  const standardError = sd(perFold) / Math.sqrt(perFold.length);
  const distance = (choice: ShiftChoice): number =>
    choice.shift.reduce((sum, v, i) => sum + Math.abs(v - incumbent.shift[i]), 0) +
    (choice.overrides.polarityFirst === incumbent.overrides.polarityFirst ? 0 : 1);
  const chosen = all
    .filter((choice) => choice.objective >= best.objective - standardError)
    .sort((a, b) => distance(a) - distance(b) || b.objective - a.objective)[0];
  return { best, standardError, chosen };
}

function foldScores(items: readonly OutOfFold[], shift: readonly number[], overrides: ToneOverrides): ToneScores[] {
  const per: ToneScores[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const mine = items.filter((item) => item.row.fold === fold);
    per.push(scoresOf(mine.map((item) => item.row.label), mine.map((item) => predictShifted(item, shift, overrides))));
  }
  return per;
}

function sd(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

/** Per-fold scores at one shift: their spread says how far to trust a difference. */
export function foldSpread(items: readonly OutOfFold[], shift: readonly number[], overrides: ToneOverrides) {
  const per = foldScores(items, shift, overrides);
  return { macroRecallSd: sd(per.map((s) => s.macroRecall)), angerF1Sd: sd(per.map((s) => s.angerF1)) };
}

const fmt = (n: number): string => n.toFixed(3);

function product(...lists: number[][]): number[][] {
  return lists.reduce<number[][]>((acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])), [[]]);
}

/** `--name=1,2,3` from the command line, or the default. */
function grid(name: string, fallback: readonly number[]): number[] {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? [...fallback] : arg.slice(name.length + 3).split(',').map(Number);
}

/**
 * Cross-validation scores over a grid of tone settings; each setting on the command line as
 * `--l2=0.01,0.03`, default the committed one. For each training setting: the best shifts for each
 * decision rule, then the best over both rules and the one the one-standard-error rule keeps.
 */
export function tuneTone(): void {
  const drop = (process.argv.find((a) => a.startsWith('--drop='))?.slice(7).split(',') ?? []).filter(Boolean);
  const rows = crossValidationRows().map((row) => ({
    ...row,
    sparse: row.sparse.filter((f) => !drop.some((prefix) => f.startsWith(prefix))),
  }));
  for (const epochs of grid('epochs', [TONE_OPTIONS.epochs]))
  for (const minCount of grid('min-count', [TONE_OPTIONS.minCount]))
  for (const l2 of grid('l2', [0.01, 0.03, 0.1])) {
    for (const denseL2 of grid('dense-l2', [TONE_OPTIONS.denseL2])) {
      for (const angryWeight of grid('angry-weight', [1]))
      for (const adaptWeight of grid('adapt-weight', [TONE_ADAPTATION_WEIGHT]))
      for (const requestWeight of grid('request-weight', [TONE_SUPPORT_REQUEST_WEIGHT]))
      for (const reviewWeight of grid('review-weight', [TONE_REVIEW_WEIGHT])) {
        const options: TrainingOptions = {
          ...TONE_OPTIONS,
          epochs,
          minCount,
          l2,
          denseL2,
          classWeights: [angryWeight, 1, 1, 1],
        };
        const items = outOfFold(rows, options, [
          ...adaptationExamples(adaptWeight),
          ...supportRequestExamples(requestWeight),
          ...reviewExamples(reviewWeight),
        ]);
        for (const [polarityFirst, lexiconAngerScore, frustratedWithAnger, lexiconPositive, excitement] of product(
          grid('polarity-first', [TONE_OVERRIDES.polarityFirst ? 1 : 0]),
          grid('anger-score', [TONE_OVERRIDES.lexiconAngerScore]),
          grid('frustrated-with-anger', [TONE_OVERRIDES.frustratedWithAnger ? 1 : 0]),
          grid('lexicon-positive', [TONE_OVERRIDES.lexiconPositive]),
          grid('excitement', [TONE_OVERRIDES.excitement]),
        )) {
          const overrides: ToneOverrides = {
            ...TONE_OVERRIDES,
            lexiconPositive,
            excitement,
            polarityFirst: polarityFirst === 1,
            lexiconAngerScore,
            frustratedWithAnger: frustratedWithAnger === 1,
          };
          const { shift, scores, objective } = bestShift(items, overrides);
          const spread = foldSpread(items, shift, overrides);
          console.log(
            `epochs=${epochs} minCount=${minCount} l2=${l2} denseL2=${denseL2} angryWeight=${angryWeight} adaptWeight=${adaptWeight} requestWeight=${requestWeight} reviewWeight=${reviewWeight} polarityFirst=${polarityFirst} ` +
              `angerScore=${lexiconAngerScore} frustratedWithAnger=${frustratedWithAnger} ` +
              `lexiconPositive=${lexiconPositive} excitement=${excitement} ` +
              `shift=${shift.join(',')} objective=${fmt(objective)} macroF1=${fmt(scores.macroF1)} ` +
              `macroRecall=${fmt(scores.macroRecall)}±${fmt(spread.macroRecallSd)} ` +
              `angerF1=${fmt(scores.angerF1)}±${fmt(spread.angerF1Sd)} ` +
              `(P=${fmt(scores.angerPrecision)} R=${fmt(scores.angerRecall)})`,
          );
        }
        const { best, standardError, chosen } = chooseShift(items, [
          { ...TONE_OVERRIDES, polarityFirst: false },
          { ...TONE_OVERRIDES, polarityFirst: true },
        ], { shift: TONE_BIAS_SHIFT, overrides: TONE_OVERRIDES });
        const describe = (choice: ShiftChoice): string =>
          `polarityFirst=${choice.overrides.polarityFirst} shift=${choice.shift.join(',')} ` +
          `objective=${fmt(choice.objective)} macroF1=${fmt(choice.scores.macroF1)} ` +
          `macroRecall=${fmt(choice.scores.macroRecall)} angerF1=${fmt(choice.scores.angerF1)}`;
        console.log(`  best:   ${describe(best)} (standard error ${fmt(standardError)})`);
        console.log(`  chosen: ${describe(chosen)} (one-standard-error rule: nearest the committed setting)`);
      }
    }
  }
}

if (require.main === module) tuneTone();
