import type { Tone } from '@parley/contracts';
import { INITIAL_TONE_TREND, nextToneTrend, TONE_TREND_WEIGHT } from './tone-trend';

const angry: Tone = { label: 'angry', score: -0.8 };
const frustrated: Tone = { label: 'frustrated', score: -0.4 };
const neutral: Tone = { label: 'neutral', score: 0 };
const positive: Tone = { label: 'positive', score: 0.6 };

const fold = (tones: Tone[]) => tones.reduce(nextToneTrend, INITIAL_TONE_TREND);

describe('nextToneTrend', () => {
  it('weighs the newest message by TONE_TREND_WEIGHT', () => {
    const trend = nextToneTrend({ score: 0.4, negativeStreak: 0 }, { label: 'frustrated', score: -0.6 });
    expect(TONE_TREND_WEIGHT).toBe(0.5);
    expect(trend.score).toBeCloseTo(-0.1, 3);
  });

  it('counts consecutive angry or frustrated messages', () => {
    expect(fold([frustrated, angry, frustrated]).negativeStreak).toBe(3);
  });

  it('resets the streak on a neutral or positive message', () => {
    expect(fold([angry, angry, neutral]).negativeStreak).toBe(0);
    expect(fold([angry, positive, frustrated]).negativeStreak).toBe(1);
  });

  it('makes the conversation angry at once on an angry message', () => {
    expect(fold([positive, positive, angry]).label).toBe('angry');
  });

  it('lets an old mood fade', () => {
    const calmedDown = fold([angry, angry, neutral, neutral, neutral, neutral]);
    expect(calmedDown.label).toBe('neutral');
    expect(calmedDown.score).toBeGreaterThan(-0.2);
    expect(fold([frustrated, frustrated, frustrated]).label).toBe('frustrated');
    expect(fold([positive, positive]).label).toBe('positive');
  });

  it('stays within -1..1', () => {
    const worst = fold(Array.from({ length: 50 }, () => ({ label: 'angry' as const, score: -1 })));
    expect(worst.score).toBeGreaterThanOrEqual(-1);
    expect(worst.negativeStreak).toBe(50);
  });
});
