import { reciprocalRankFusion, RRF_K } from './rank-fusion';

const id = (item: string) => item;

describe('reciprocalRankFusion', () => {
  it('ranks an item both rankers like above one only a single ranker puts first', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['d', 'b', 'a']], id);
    expect(fused.map((entry) => entry.item)).toEqual(['a', 'b', 'd', 'c']);
    expect(fused[0]?.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 3));
  });

  it('keeps an item found by one ranker only', () => {
    expect(reciprocalRankFusion([[], ['x']], id).map((entry) => entry.item)).toEqual(['x']);
  });
});
