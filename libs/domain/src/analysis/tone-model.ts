import type { Tone, ToneLabel } from '@parley/contracts';
import { sparseFeatures, toneDenseFeatures } from './features';
import { LinearModel, type LinearModelJson } from './linear-model';
import toneModelJson from './model/tone.json';
import { lexiconSignals, TONE_THRESHOLDS, toneLabel, type LexiconSignals } from './tone-lexicon';

/*
 * Tone from a logistic regression trained on GoEmotions (scripts/analysis/train.ts) over the
 * message's words, word pairs and character n-grams, plus the lexicon's signals (VADER valences,
 * negation, boosters, capitals, "!!!", emoji, profanity, sarcasm) as dense features.
 */

const TONE_MODEL = new LinearModel<ToneLabel>(toneModelJson as LinearModelJson);

/** A score in -1..1 that agrees with the label: inside the label's band of TONE_THRESHOLDS. */
const BANDS: Readonly<Record<ToneLabel, readonly [number, number]>> = {
  angry: [-1, TONE_THRESHOLDS.angry],
  frustrated: [-1, TONE_THRESHOLDS.frustrated],
  neutral: [TONE_THRESHOLDS.frustrated + 0.001, TONE_THRESHOLDS.positive - 0.001],
  positive: [TONE_THRESHOLDS.positive, 1],
};

export function toneProbabilities(
  text: string,
  signals: LexiconSignals = lexiconSignals(text),
  sparse: readonly string[] = sparseFeatures(text),
): { probabilities: number[]; known: number } {
  return TONE_MODEL.predict(sparse, toneDenseFeatures(signals));
}

/** Lexicon readings strong enough to overrule the model, which learned from Reddit, not support chats. */
export interface ToneOverrides {
  /** "Yeah right", "/s": a sarcastic message is not neutral or positive but frustrated. */
  sarcasm: boolean;
  /** An anger marker in a clearly negative message (profanity, 😡, "!!!", shouting) makes it angry. */
  lexiconAnger: boolean;
  /** "Clearly negative" for lexiconAnger: a lexicon score at or below this. */
  lexiconAngerScore: number;
  /** The model's "frustrated" with any anger marker (an insult, disgust, profanity...) becomes angry. */
  frustratedWithAnger: boolean;
  /** A lexicon score at or below this turns the model's "neutral" into "frustrated" (-2: never). */
  lexiconNegative: number;
  /** A lexicon score at or above this turns the model's "neutral" into "positive" (2: never). */
  lexiconPositive: number;
  /**
   * This many "!" (0: never) in a message the lexicon does not read as negative, with no question,
   * turn the model's "neutral" into "positive": "Sherlock tonight on BBC One, finally!!".
   */
  excitement: number;
  /**
   * A question with nothing negative in the lexicon ("Where is my parcel?", "Does express delivery
   * cost extra?") is neutral, whatever the words learned from complaints suggest.
   */
  calmQuestion: boolean;

  /**
   * A negated sentiment word ("not happy", "not bad"), which a model of words and n-grams reads
   * poorly: when the lexicon's polarity disagrees with the model's, the lexicon's label wins.
   */
  negation: boolean;
  /**
   * Decide the polarity first, on P(angry) + P(frustrated) against P(neutral) and P(positive), then
   * angry or frustrated by the larger of the two; false: the most likely of the four labels.
   */
  polarityFirst: boolean;
}

export const TONE_OVERRIDES: ToneOverrides = {
  sarcasm: true,
  lexiconAnger: true,
  lexiconAngerScore: TONE_THRESHOLDS.angry,
  frustratedWithAnger: false,
  lexiconNegative: -0.5,
  lexiconPositive: 0.5,
  excitement: 2,
  calmQuestion: true,
  negation: true,
  polarityFirst: false,
};

const WORD = /[\p{L}\p{N}]/u;

const polarity = (label: ToneLabel): number => (label === 'positive' ? 1 : label === 'neutral' ? 0 : -1);

/** The most likely label; its score is P(positive) − P(angry or frustrated), moved into the label's band. */
export function toneOfProbabilities(
  classes: readonly ToneLabel[],
  probabilities: readonly number[],
  signals?: LexiconSignals,
  overrides: ToneOverrides = TONE_OVERRIDES,
): Tone {
  let label = overrides.polarityFirst
    ? polarityFirstLabel(classes, probabilities)
    : classes[argmax(probabilities)];
  if (signals !== undefined) {
    const notNegative = label === 'positive' || label === 'neutral';
    if (overrides.sarcasm && signals.sarcasm && notNegative) label = 'frustrated';
    if (overrides.negation && signals.negation) {
      const lexicon = toneLabel(signals.score, signals.anger);
      if (polarity(lexicon) !== polarity(label)) label = lexicon;
    }
    if (label === 'neutral' && signals.score <= overrides.lexiconNegative) label = 'frustrated';
    if (label === 'neutral' && signals.score >= overrides.lexiconPositive) label = 'positive';
    if (
      label === 'neutral' &&
      overrides.excitement > 0 &&
      signals.exclamations >= overrides.excitement &&
      signals.score >= 0 &&
      signals.questions === 0 &&
      !signals.shouting
    ) {
      label = 'positive';
    }
    if (overrides.calmQuestion && signals.questions > 0 && signals.negative === 0 && !signals.sarcasm && !signals.shouting) {
      label = 'neutral';
    }
    if (overrides.lexiconAnger && signals.anger && signals.score <= overrides.lexiconAngerScore) label = 'angry';
    if (overrides.frustratedWithAnger && label === 'frustrated' && signals.anger) label = 'angry';
  }
  const p = (tone: ToneLabel): number => probabilities[classes.indexOf(tone)];
  return withLabel(label, p('positive') - p('angry') - p('frustrated'));
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let c = 1; c < values.length; c++) if (values[c] > values[best]) best = c;
  return best;
}

function polarityFirstLabel(classes: readonly ToneLabel[], probabilities: readonly number[]): ToneLabel {
  const p = (tone: ToneLabel): number => probabilities[classes.indexOf(tone)];
  const negative = p('angry') + p('frustrated');
  if (negative >= p('neutral') && negative >= p('positive')) {
    return p('angry') > p('frustrated') ? 'angry' : 'frustrated';
  }
  return p('positive') > p('neutral') ? 'positive' : 'neutral';
}

/** The tone with this label, its score moved into the label's band. */
export function withLabel(label: ToneLabel, score: number): Tone {
  const [low, high] = BANDS[label];
  return { label, score: Math.round(Math.max(low, Math.min(high, score)) * 1000) / 1000 };
}

/** Tone of one message: a label and a score in -1..1. */
export function analyzeTone(text: string): Tone {
  return toneOfFeatures(text, sparseFeatures(text), lexiconSignals(text));
}

/** analyzeTone for a message whose features are already computed. */
export function toneOfFeatures(text: string, sparse: readonly string[], signals: LexiconSignals): Tone {
  const { probabilities, known } = toneProbabilities(text, signals, sparse);
  // Nothing the model has seen (a word from another language), or emoji alone ("😢", "👍👍"), whose
  // readings come from 1.6 million tweets: the lexicon alone decides.
  if (known === 0 || !WORD.test(text)) return { label: toneLabel(signals.score, signals.anger), score: signals.score };
  return toneOfProbabilities(TONE_MODEL.classes, probabilities, signals);
}
