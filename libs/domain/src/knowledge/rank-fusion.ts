/**
 * Reciprocal rank fusion (Cormack et al., 2009): an item's score is the sum over the rankings it
 * appears in of 1 / (k + rank), rank counted from 1. It needs no calibration between the rankers'
 * scores (ts_rank and cosine similarity live on unrelated scales); k damps the weight of the very
 * top ranks so that an item ranked well by both rankers beats one ranked first by only one.
 */
export const RRF_K = 60;

export interface Fused<T> {
  item: T;
  score: number;
}

export function reciprocalRankFusion<T>(
  rankings: readonly (readonly T[])[],
  keyOf: (item: T) => string,
  k = RRF_K,
): Fused<T>[] {
  const fused = new Map<string, Fused<T>>();
  for (const ranking of rankings) {
    ranking.forEach((item, index) => {
      const key = keyOf(item);
      const entry = fused.get(key) ?? { item, score: 0 };
      entry.score += 1 / (k + index + 1);
      fused.set(key, entry);
    });
  }
  // Stable: at equal score the order of first appearance (the first ranking first) is kept.
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
