import { describe, expect, it } from 'vitest';
import { ArmedProcess, shellQuote } from '../../src/agent/resources/armed.js';

describe('armed process', () => {
  it('runs on its input and reports the exit, then can be armed again', async () => {
    const p = new ArmedProcess(['/bin/sh', '-c', 'read line; test "$line" = go']);
    p.arm();
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    expect(await p.run('go\n', 2000)).toMatchObject({ code: 0 });
    expect(performance.now() - t0).toBeLessThan(150);
    expect(p.run('go\n', 2000)).toBeUndefined();
    p.arm();
    expect(await p.run('stop\n', 2000)).toMatchObject({ code: 1 });
    p.close();
  });

  it('passes on what the process printed on stderr', async () => {
    const p = new ArmedProcess(['/bin/sh', '-c', 'read line; echo "no such device" >&2; exit 2']);
    p.arm();
    expect(await p.run('x\n', 2000)).toEqual({ code: 2, signal: null, stderr: 'no such device' });
    p.close();
  });

  it('ends a waiting process without running anything on close', async () => {
    const p = new ArmedProcess(['/bin/sh', '-c', 'read line || exit 0; exit 9']);
    p.arm();
    p.close();
    expect(p.run('x\n', 100)).toBeUndefined();
  });

  it('quotes for the shell', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });
});
