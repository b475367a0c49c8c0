import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendHistory, HistoryTail, type FailoverRecord } from '../../../src/observe/history/history.js';
import { failoverPlot } from '../../../src/observe/history/plot.js';
import { historyEvent } from '../../../src/observe/watch.js';
import { missing } from '../../support/env.js';

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hactl-history-'));
  dirs.push(dir);
  return dir;
}

const result = (ms: number): FailoverRecord => ({
  kind: 'test-failover', date: '2026-12-03T13:00:00.000Z', stack: 'stacks/quickstart.yaml', cluster: 'quickstart', runtime: 'agent',
  tuning: { deadtimeMs: 500 }, fault: 'kill', service: 'web', vip: '10.201.0.100', from: 'qs1', to: 'qs2', ms,
});

describe('the failover history', () => {
  it('is appended one JSON line per result, creating .hactl/ when missing', async () => {
    const file = join(await scratch(), '.hactl', 'history.jsonl');
    await appendHistory(file, result(640));
    await appendHistory(file, result(710));
    const tail = new HistoryTail(file);
    expect((await tail.next()).map((r) => r.kind === 'test-failover' && r.ms)).toEqual([640, 710]);
  });

  it('is followed from where it was last read, waiting for a line still being written and skipping broken ones', async () => {
    const file = join(await scratch(), 'history.jsonl');
    const tail = new HistoryTail(file);
    expect(await tail.next()).toEqual([]); // no file yet
    await writeFile(file, `${JSON.stringify(result(1))}\nnot json\n{"kind":"test-fail`);
    expect((await tail.next()).map((r) => r.kind === 'test-failover' && r.ms)).toEqual([1]);
    await appendFile(file, `${JSON.stringify(result(2)).slice('{"kind":"test-fail'.length)}\n`);
    expect((await tail.next()).map((r) => r.kind === 'test-failover' && r.ms)).toEqual([2]);
    await writeFile(file, `${JSON.stringify(result(3))}\n`); // replaced by a shorter file: read again from the start
    expect((await tail.next()).map((r) => r.kind === 'test-failover' && r.ms)).toEqual([3]);
  });

  it('shows a result in the timeline with the stack, fault, nodes and measured time', () => {
    expect(historyEvent(result(812))).toMatchObject({ kind: 'test-failover', ms: 812, text: 'test failover (kill) of web: qs1 → qs2 in 812 ms' });
  });
});

describe('the failover plot', () => {
  const noXmllint = missing({ tools: ['xmllint'] });
  it.skipIf(noXmllint)('is valid SVG with one bar per run, the median line and escaped labels', () => {
    const runs = [640, 700, 810].map((ms) => ({ ms, label: `kill <qs1> → qs2 & ${ms}` }));
    const svg = failoverPlot({ runs, medianMs: 700, minMs: 640, maxMs: 810 }, 'failover of web (kill) <agent>');
    execFileSync('xmllint', ['--noout', '-'], { input: svg });
    expect(svg.match(/<rect class="run"/g)).toHaveLength(3);
    expect(svg).toContain('class="median"');
    expect(svg).toContain('3 runs: median 700 ms, min 640 ms, max 810 ms');
    expect(svg).toContain('kill &lt;qs1&gt; → qs2 &amp; 640');
  });

  it('says "1 run", not "1 runs", for a single measurement', () => {
    const svg = failoverPlot({ runs: [{ ms: 599, label: 'kill qs1 → qs2' }], medianMs: 599, minMs: 599, maxMs: 599 }, 'failover of web (kill), agent');
    expect(svg).toContain('>1 run: median 599 ms, min 599 ms, max 599 ms<');
  });
});
