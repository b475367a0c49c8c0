import { describe, expect, it } from 'vitest';
import { displayDiagnostic, error, formatDiagnostic, quote } from '../../src/diagnostics/index.js';

const ESC = '\u001b';

describe('diagnostic formatting', () => {
  it('quotes a value with its control characters made visible', () => {
    expect(quote(`${ESC}[31mred${ESC}[0m`)).toBe('"\\x1b[31mred\\x1b[0m"');
    expect(quote('a\nb\tc\u0000d\u202ee')).toBe('"a\\nb\\tc\\x00d\\u202ee"');
    expect(quote('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
  });

  it('cuts a long value to its start and says how long it was', () => {
    const shown = quote('A'.repeat(3_000_000));
    expect(shown).toBe(`"${'A'.repeat(80)}…" (3000000 chars)`);
    expect(quote({ list: Array.from({ length: 1000 }, (_, i) => i) }).length).toBeLessThan(120);
  });

  it('never cuts a character in half', () => {
    expect(quote(`${'a'.repeat(79)}😀😀`)).toBe(`"${'a'.repeat(79)}…" (83 chars)`);
  });

  it('prints no control character of a message, path or hint that did not go through quote', () => {
    const d = { ...error('schema-unknown-key', `heartbeat.${ESC}]0;pwned\u0007`, `unknown key ${ESC}]0;pwned\u0007`), location: { file: 'x.yaml', line: 3, column: 1 } };
    const line = formatDiagnostic(d);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(line).toContain('heartbeat.\\x1b]0;pwned\\x07: unknown key \\x1b]0;pwned\\x07');
  });

  it('bounds what it shows of a message that quoted a huge value raw', () => {
    const d = error('schema-type', 'x', `got ${'B'.repeat(3_000_000)}`);
    expect(formatDiagnostic(d).length).toBeLessThan(1000);
    expect(displayDiagnostic(d).message).toMatch(/… \(3000004 chars\)$/);
  });
});
