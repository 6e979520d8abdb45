import type { Tone, ToneLabel } from '@parley/contracts';
import { TONE_THRESHOLDS } from './tone-lexicon';

export interface ToneTrend {
  score: number;
  negativeStreak: number;
  label: ToneLabel;
}

/**
 * Weight of the newest message in the rolling score: score = 0.5·new + 0.5·previous, so a
 * message's influence halves with every later one and the mood of the last three or four
 * messages dominates.
 */
export const TONE_TREND_WEIGHT = 0.5;

const NEGATIVE_LABELS: ReadonlySet<ToneLabel> = new Set(['angry', 'frustrated']);

export const INITIAL_TONE_TREND: ToneTrend = { score: 0, negativeStreak: 0, label: 'neutral' };

/**
 * Folds one visitor message's tone into the conversation's. The label follows the rolling score,
 * except that an angry message makes the conversation angry at once: anger should not wait for
 * the average to catch up.
 */
export function nextToneTrend(prev: Pick<ToneTrend, 'score' | 'negativeStreak'>, tone: Tone): ToneTrend {
  const score = round(clamp(TONE_TREND_WEIGHT * tone.score + (1 - TONE_TREND_WEIGHT) * prev.score));
  const negativeStreak = NEGATIVE_LABELS.has(tone.label) ? prev.negativeStreak + 1 : 0;
  const label: ToneLabel = tone.label === 'angry' ? 'angry' : labelForTrendScore(score);
  return { score, negativeStreak, label };
}

function labelForTrendScore(score: number): ToneLabel {
  if (score <= TONE_THRESHOLDS.frustrated) return 'frustrated';
  if (score >= TONE_THRESHOLDS.positive) return 'positive';
  return 'neutral';
}

function clamp(value: number): number {
  return Math.max(-1, Math.min(1, value));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
