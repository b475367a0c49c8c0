import type { Score } from './types.js';

export function scoreValue(score: Score): number {
  if (score === 'INFINITY') return Number.POSITIVE_INFINITY;
  if (score === '-INFINITY') return Number.NEGATIVE_INFINITY;
  return score;
}
