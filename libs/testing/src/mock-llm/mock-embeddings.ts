import { createHash } from 'node:crypto';

/*
 * Deterministic embeddings for tests and offline measurement: a text's vector is the sum of hashed
 * features (its words, lightly stemmed, and the character trigrams of each word), so texts sharing
 * words or word pieces point the same way. It is lexical, not a language model: it also matches
 * typos, plurals and split or joined words ("log in"/"login"), never meanings. A test can declare
 * groups of words that embed alike, standing in for what a real model learns.
 */

export const DEFAULT_EMBEDDING_DIMENSIONS = 384;
const TRIGRAM_WEIGHT = 0.5;

export interface HashedEmbedderOptions {
  dimensions?: number;
  /** Each group's words and phrases are one feature: ["refund", "money back"]. */
  synonyms?: readonly (readonly string[])[];
}

function bucket(feature: string, dimensions: number): { index: number; sign: number } {
  const digest = createHash('sha1').update(feature).digest();
  return { index: digest.readUInt32BE(0) % dimensions, sign: (digest[4] ?? 0) & 1 ? 1 : -1 };
}

function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '') || word;
}

export function hashedEmbedding(text: string, options: HashedEmbedderOptions = {}): number[] {
  const dimensions = options.dimensions ?? DEFAULT_EMBEDDING_DIMENSIONS;
  const vector = new Array<number>(dimensions).fill(0);
  const add = (feature: string, weight: number) => {
    const { index, sign } = bucket(feature, dimensions);
    vector[index] = (vector[index] ?? 0) + sign * weight;
  };
  let normalized = ` ${text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ')} `;
  for (const [group, words] of (options.synonyms ?? []).entries()) {
    for (const phrase of words) {
      const pattern = ` ${phrase.toLowerCase()} `;
      while (normalized.includes(pattern)) {
        add(`synonym:${group}`, 1);
        normalized = normalized.replace(pattern, ' ');
      }
    }
  }
  for (const word of normalized.split(' ').filter((w) => w.length > 1)) {
    add(`w:${stem(word)}`, 1);
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT);
  }
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? vector : vector.map((x) => x / norm);
}
