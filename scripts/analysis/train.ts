// Trains the analyser's tone model (GoEmotions train + dev, the out-of-domain sets' tuning halves,
// Bitext's requests), its intent model (Bitext train), its complaint model (Bitext train, the
// tuning halves, the complaint batches) and its request model (Bitext train, the tuning halves,
// the request batches), and writes their weights (libs/domain/src/analysis/model/*.json).
// Deterministic: the same data gives the same files. `--tune` prints instead the intent thresholds'
// development-split scores and the tone settings' 5-fold cross-validation scores over train + dev
// (cv.ts; the test split is never read here).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  INTENT_THRESHOLDS,
  intentOfProbabilities,
  intentProbabilities,
  sparseFeatures,
  type LinearModelJson,
} from '@parley/domain';
import {
  intentSplit,
  MODEL_INTENTS,
  OUT_OF_DOMAIN_SETS,
  outOfDomainTuning,
  REPO_ROOT,
  REQUEST_SETS,
  requestTraining,
  complaintTraining,
  type OutOfDomainSet,
  toneSplit,
} from './data';
import { adaptationExamples, reviewExamples, supportRequestExamples, toneExample, tuneTone } from './cv';
import { trainLogistic, type TrainingExample, type TrainingOptions } from './logistic';
import { binaryScores } from './metrics';
import {
  TONE_ADAPTATION_WEIGHT,
  TONE_BIAS_SHIFT,
  TONE_OPTIONS,
  TONE_SUPPORT_REQUEST_WEIGHT,
  TONE_REVIEW_WEIGHT,
} from './tone-settings';
import { emojiLexicon } from './emoji-lexicon';
import { vaderLexicon } from './vader-lexicon';

export const MODEL_DIR = path.join(REPO_ROOT, 'libs', 'domain', 'src', 'analysis', 'model');

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

/** A training row of the intent and complaint models: the message's features only. */
const textExample = (text: string, label: number): TrainingExample => ({ sparse: sparseFeatures(text), dense: [], label });

export { TONE_BIAS_SHIFT, TONE_OPTIONS };

/** The tone model, trained on train + dev once cross-validation has chosen its settings. */
export function trainTone(
  options = TONE_OPTIONS,
  shift = TONE_BIAS_SHIFT,
  adaptation = [
    ...adaptationExamples(TONE_ADAPTATION_WEIGHT),
    ...reviewExamples(TONE_REVIEW_WEIGHT),
    ...supportRequestExamples(TONE_SUPPORT_REQUEST_WEIGHT),
  ],
): LinearModelJson {
  const split = toneSplit();
  const rows = [...split.train, ...split.dev].map((row) => toneExample(row.text, row.label));
  const model = trainLogistic([...rows, ...adaptation], options);
  return { ...model, bias: model.bias.map((b, i) => Math.round((b + shift[i]) * 1000) / 1000) };
}

export function trainIntent(options = INTENT_OPTIONS): LinearModelJson {
  return trainLogistic(
    intentSplit().train.map((row) => textExample(row.text, MODEL_INTENTS.indexOf(row.label))),
    options,
  );
}

/** The complaint model's options: complaint or not, over the same features as the intent model. */
export const COMPLAINT_OPTIONS: TrainingOptions = {
  classes: ['other', 'complaint'],
  dense: [],
  minCount: 2,
  balanced: true,
  l2: 1e-3,
  denseL2: 0,
  epochs: 10,
  learningRate: 0.1,
  prune: 0.02,
  seed: 5,
};

/**
 * How much each positive GoEmotions row of the training split counts as "not a complaint". Without
 * them the model learned "great" from sarcastic complaints and read "Great charger." as one.
 */
const COMPLAINT_PRAISE_WEIGHT = 0.3;

/**
 * Complaint or not, learned from Bitext's training split, the out-of-domain sets' tuning halves
 * (complaints to companies, in tweets and support messages, the way people write them), praise
 * from GoEmotions and the complaint batches (complaint-training-*.jsonl: calm, formal and
 * other-language complaints, and questions about a problem that are not complaints). It adds complaints the rules do not hear; `sets` lets adapt-complaint.ts leave
 * one set out.
 */
export function trainComplaint(sets: readonly OutOfDomainSet[] = OUT_OF_DOMAIN_SETS): LinearModelJson {
  const praise = toneSplit().train.filter((row) => row.label === 'positive');
  return trainLogistic(
    [
      ...intentSplit().train.map((row) => textExample(row.text, row.label === 'complaint' ? 1 : 0)),
      ...outOfDomainTuning(sets).map((row) => textExample(row.text, row.intent === 'complaint' ? 1 : 0)),
      ...praise.map((row) => ({ ...textExample(row.text, 0), weight: COMPLAINT_PRAISE_WEIGHT })),
      ...complaintTraining().map((row) => textExample(row.text, row.intent === 'complaint' ? 1 : 0)),
    ],
    COMPLAINT_OPTIONS,
  );
}

/** The request model's options: asks for a person or not, over the same features as the intent model. */
export const HUMAN_REQUEST_OPTIONS: TrainingOptions = { ...COMPLAINT_OPTIONS, classes: ['other', 'human_request'] };

/**
 * How much each GoEmotions row of the training split counts as "not a request": Reddit says
 * "someone hold me" and "I want someone to do this for me" without asking a company for anyone.
 */
const HUMAN_REQUEST_REDDIT_WEIGHT = 0.3;

/**
 * Asks for a person or not, learned from Bitext's training split, the tuning halves of the
 * out-of-domain and request sets, the request batches (request-training-*.jsonl: requests and near
 * misses by other authors) and Reddit comments as non-requests. `sets` lets adapt-request.ts leave
 * one set out.
 */
export function trainHumanRequest(
  sets: readonly OutOfDomainSet[] = [...OUT_OF_DOMAIN_SETS, ...REQUEST_SETS],
): LinearModelJson {
  const label = (intent: string | undefined): number => (intent === 'human_request' ? 1 : 0);
  return trainLogistic(
    [
      ...intentSplit().train.map((row) => textExample(row.text, label(row.label))),
      ...outOfDomainTuning(sets).map((row) => textExample(row.text, label(row.intent))),
      ...requestTraining().map((row) => textExample(row.text, label(row.intent))),
      ...toneSplit().train.map((row) => ({ ...textExample(row.text, 0), weight: HUMAN_REQUEST_REDDIT_WEIGHT })),
    ],
    HUMAN_REQUEST_OPTIONS,
  );
}

/** Development-split scores of the intent thresholds (with the committed weights). */
function tuneIntent(): void {
  const dev = intentSplit().dev.map((row) => ({ ...row, probabilities: intentProbabilities(row.text) }));
  const truth = dev.map((row) => row.label);
  for (const humanRequest of [0.8, 0.9, 0.95]) {
    for (const model of [0.5, 0.6, 0.7]) {
      for (const other of [0.6, 0.75, 0.85, 0.9, 0.95]) {
        const thresholds = { ...INTENT_THRESHOLDS, humanRequest, model, other };
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
  } else if (process.argv.includes('--lexicons')) {
    // A step of its own: the tone model's features read these files when the analyser loads.
    write('vader-lexicon.json', vaderLexicon());
    write('emoji-lexicon.json', emojiLexicon());
  } else {
    write('tone.json', trainTone());
    write('intent.json', trainIntent());
    write('complaint.json', trainComplaint());
    write('human-request.json', trainHumanRequest());
  }
}
