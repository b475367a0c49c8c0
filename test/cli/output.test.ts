import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../cli/output.js';
import { error, HactlError } from '../../src/diagnostics/index.js';
import { LabError } from '../../src/netns/errors.js';

let printed = '';
beforeEach(() => {
  printed = '';
  process.exitCode = undefined;
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    printed += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.HACTL_DEBUG;
  process.exitCode = undefined;
});

describe('how the CLI prints an error', () => {
  it('prints a user error as hactl: message [code] and its hint, without a stack trace, and exits 1', () => {
    handleError(new LabError('lab-bad-request', 'kill-service needs a port'));
    expect(printed).toBe(`hactl: kill-service needs a port [lab-bad-request]\nhint: see hactl help for the command: it names the arguments it needs\n`);
    expect(process.exitCode).toBe(1);
  });

  it("prints a stack error's diagnostics located, as validate does", () => {
    const d = { ...error('auth-missing', 'auth', 'heartbeat needs an authkeys method'), location: { file: 'web.yaml', line: 3, column: 1 } };
    handleError(HactlError.from(d));
    expect(printed).toBe(`web.yaml:3:1 auth: heartbeat needs an authkeys method (hint: ${d.hint}) [auth-missing]\n`);
  });

  it('prints an internal error with its stack only under --debug', () => {
    const bug = new Error('cannot read x of undefined');
    handleError(bug);
    expect(printed).toContain('hactl: internal error: cannot read x of undefined\n(run with --debug for the stack trace)');
    expect(printed).not.toContain(' at ');
    printed = '';
    process.env.HACTL_DEBUG = '1';
    handleError(new HactlError('internal', 'a renderer lost a file', { source: 'internal' }));
    expect(printed).toMatch(/^hactl: internal error: a renderer lost a file \[internal\]\nHactlError: a renderer lost a file\n\s+at /);
    expect(process.exitCode).toBe(1);
  });
});
