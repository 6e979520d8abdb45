import { foldText } from '../text/fold';
import type { LexiconSignals } from './tone-lexicon';

/*
 * Features of the trained models, shared by the training script and the analyser so both read a
 * message the same way: folded words, word pairs, and character 3- and 4-grams of each word
 * (which survive typos, elongations and inflections). Inside a negation's reach a word and its
 * n-grams are marked: "not happy" gives "!happy". Emoji count as words.
 */

const WORD = /[\p{L}\p{N}]+|\p{Extended_Pictographic}|[.,;:!?]/gu;
const CLAUSE_END = /^[.,;:!?]$/;
const NEGATORS: ReadonlySet<string> = new Set(
  `not no never dont doesnt didnt isnt wasnt arent werent cant cannot couldnt wont wouldnt shouldnt hasnt
  havent hadnt aint nothing nobody none neither nor without hardly barely`.split(/\s+/),
);
const NEGATION_REACH = 3;
const MAX_CHAR_NGRAM_WORD = 24;

/** Folded words: letters repeated three times or more count twice ("soooo" → "soo"). */
export function tokensOf(text: string): string[] {
  return (
    foldText(text)
      .replace(/'/g, '')
      .replace(/(\p{L})\1{2,}/gu, '$1$1')
      .match(WORD) ?? []
  );
}

/** Sparse feature names of a message; a name may repeat (counts). */
export function sparseFeatures(text: string): string[] {
  const tokens = tokensOf(text);
  const features: string[] = [];
  let negatedFor = 0;
  let previous = '^';
  for (const token of tokens) {
    if (CLAUSE_END.test(token)) {
      negatedFor = 0;
      features.push(`p:${token}`);
      previous = '^';
      continue;
    }
    const negated = negatedFor > 0;
    features.push(negated ? `w:!${token}` : `w:${token}`, `b:${previous} ${token}`);
    if (token.length <= MAX_CHAR_NGRAM_WORD) charNgrams(token, negated ? 'c!' : 'c:', features);
    previous = token;
    negatedFor = NEGATORS.has(token) ? NEGATION_REACH : Math.max(0, negatedFor - 1);
  }
  return features;
}

function charNgrams(word: string, prefix: string, out: string[]): void {
  const padded = ` ${word} `;
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(prefix + padded.slice(i, i + n));
  }
}

/** Dense tone features, each about 0..1, from the lexicon's reading of the message. */
export const TONE_DENSE_FEATURES = [
  'lexicon_score',
  'lexicon_positive',
  'lexicon_negative',
  'anger_marker',
  'profanity',
  'shouting',
  'sarcasm',
  'exclamations',
  'questions',
  'anger_words',
  'directed_negative',
] as const;

export function toneDenseFeatures(signals: LexiconSignals): number[] {
  return [
    signals.score,
    signals.positive,
    signals.negative,
    signals.anger ? 1 : 0,
    signals.profanity ? 1 : 0,
    signals.shouting ? 1 : 0,
    signals.sarcasm ? 1 : 0,
    signals.exclamations / 4,
    signals.questions >= 2 ? 1 : 0,
    signals.angerWords / 3,
    signals.directed ? 1 : 0,
  ];
}
