// VADER's word valences, taken from the vader-sentiment package into a compact JSON the analyser loads.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface VaderLexiconJson {
  source: string;
  words: string[];
  valences: number[];
}

/** Single words only (emoticons and multi-word entries are the lexicon's own business). */
export function vaderLexicon(): VaderLexiconJson {
  const file = path.join(path.dirname(require.resolve('vader-sentiment/package.json')), 'vader_lexicon.txt');
  const words: string[] = [];
  const valences: number[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, valence] = line.split('\t');
    if (!/^[a-z]+$/.test(word ?? '')) continue;
    words.push(word);
    valences.push(Number(valence));
  }
  return {
    source: 'vader-sentiment 1.1.3 vader_lexicon.txt (VADER, C.J. Hutto; MIT; JavaScript port Apache-2.0)',
    words,
    valences,
  };
}
