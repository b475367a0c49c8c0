import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AgentConfig } from '../../../src/agent/config/index.js';
import type { AgentEvent } from '../../../src/agent/log/events.js';
import { formatEvent, logEvent } from '../../../src/agent/log/format-event.js';
import { createLogger } from '../../../src/agent/log/logger.js';

/** A real pino logger as the agent makes it, writing into an array of parsed lines. */
function capture(level: AgentConfig['log']['level'] = 'debug'): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const config = { cluster: 'web', log: { level } } as AgentConfig;
  return { lines, log: createLogger({ config, node: 'sv1', destination }) };
}

describe('agent log events', () => {
  it('writes the event’s fields in order after the node stamp, with its prose as msg', async () => {
    const { lines, log } = capture();
    logEvent(log, { event: 'reannounce', group: 'web', resources: ['vip'] });
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatch(/"cluster":"web","node":"sv1","event":"reannounce","group":"web","resources":\["vip"\],"msg":"web: the other side let go; re-announced vip"/);
    expect(JSON.parse(lines[0]!).level).toBe(30);
  });

  it('keeps prose-only data out of the fields, so `node` appears once', async () => {
    const { lines, log } = capture();
    const timings = { keepaliveMs: 100, warntimeMs: 200, deadtimeMs: 300, initdeadMs: 600 };
    logEvent(log, { event: 'agent-start', node: 'sv1', generation: 7, timings, groups: ['web'] });
    logEvent(log, { event: 'compat-warning', text: '/etc/ha.d/authkeys:2: crc authenticates nothing' });
    await new Promise((r) => setImmediate(r));
    expect(lines[0]!.match(/"node":/g)).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'agent-start', generation: 7, groups: ['web'], msg: 'agent starting as sv1 (generation 7)' });
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 40, event: 'compat-warning', msg: '/etc/ha.d/authkeys:2: crc authenticates nothing' });
    expect(JSON.parse(lines[1]!)).not.toHaveProperty('text');
  });

  it('takes the level from what happened', () => {
    const cases: Array<[AgentEvent, string]> = [
      [{ event: 'node-state', peer: 'sv2', from: 'up', to: 'dead', cause: 'silent for 3000 ms' }, 'warn'],
      [{ event: 'node-state', peer: 'sv2', from: 'dead', to: 'up', cause: 'heard' }, 'info'],
      [{ event: 'placement', group: 'web', from: null, to: null, cause: 'no quorum', moved: true }, 'info'],
      [{ event: 'placement', group: 'web', from: 'sv1', to: 'sv1', cause: 'preferred', moved: false }, 'debug'],
      [{ event: 'group-state', group: 'web', from: 'running', to: 'failed', cause: 'monitor failed' }, 'error'],
      [{ event: 'quorum', quorate: false, votes: 1, expected: 3, cause: '1 of 3' }, 'warn'],
      [{ event: 'fence-result', target: 'sv2', ok: false, result: 'exit 1' }, 'error'],
      [{ event: 'realtime', ok: false, cause: 'not root' }, 'info'],
      [{ event: 'realtime', ok: false, cause: 'exit 1: chrt: failed' }, 'warn'],
      [{ event: 'start-failed', err: 'EADDRINUSE' }, 'fatal'],
    ];
    for (const [e, level] of cases) expect([e.event, formatEvent(e).level]).toEqual([e.event, level]);
    expect(formatEvent(cases[2]![0]).fields).toEqual({ event: 'placement', group: 'web', from: null, to: null, cause: 'no quorum' });
  });

  it('is the only place in the agent that calls the logger’s level methods', () => {
    const root = new URL('../../../src/agent/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== join('log', 'format-event.ts'));
    const direct = files.filter((f) => /\blog(\[|\.(fatal|error|warn|info|debug|trace)\()/.test(readFileSync(join(root, f), 'utf8')));
    expect(direct).toEqual([]);
  });
});
