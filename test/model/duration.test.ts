import { describe, expect, it } from 'vitest';
import { formatCrmDuration, formatHaDuration, isDuration, toMs } from '../../src/model/duration.js';

describe('durations', () => {
  it('reads units the way ha.cf and crmsh write them', () => {
    expect(toMs('2s')).toBe(2000);
    expect(toMs('500ms')).toBe(500);
    expect(toMs('1m')).toBe(60_000);
    expect(toMs(30)).toBe(30_000);
    expect(toMs('0.1s')).toBe(100);
  });

  it('rejects what is not a duration', () => {
    expect(isDuration('10x')).toBe(false);
    expect(isDuration('-1s')).toBe(false);
    expect(isDuration('')).toBe(false);
  });

  it('writes whole seconds bare for ha.cf and with s for crmsh', () => {
    expect(formatHaDuration(2000)).toBe('2');
    expect(formatHaDuration(500)).toBe('500ms');
    expect(formatCrmDuration(0)).toBe('0s');
    expect(formatCrmDuration(90_000)).toBe('90s');
  });
});
