import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHeartbeatV1 } from '../../src/agent/heartbeat-v1/config.js';
import type { AgentConfig, AgentOps } from '../../src/agent/config/index.js';
import { Agent } from '../../src/agent/core/agent.js';
import { silentLogger } from '../../src/agent/log/logger.js';
import { heartbeatStatus } from '../../src/agent/resources/heartbeat.js';
import { createDriver } from '../../src/agent/resources/registry.js';
import { until } from './fake-driver.js';

/**
 * A classic heartbeat resource script, as haresources runs them (`websvc::PORT` → `websvc PORT start`): it starts
 * a real TCP server, and its status *prints* "running" or "not running" and always exits 0.
 */
const script = (dir: string): string => `#!/bin/sh
PIDFILE=${dir}/websvc.pid
case "$2" in
  start) ${process.execPath} -e "require('net').createServer((s) => s.end('up\\\\n')).listen(Number(process.argv[1]), '127.0.0.1')" "$1" >/dev/null 2>&1 </dev/null &
         echo $! > $PIDFILE ;;
  stop) [ -f $PIDFILE ] && kill $(cat $PIDFILE); rm -f $PIDFILE ;;
  status) if [ -f $PIDFILE ] && kill -0 $(cat $PIDFILE) 2>/dev/null; then echo "websvc is running"; else echo "websvc is not running"; fi ;;
esac
exit 0
`;

const OPS: AgentOps = { start: { timeoutMs: 5000, onFail: 'restart' }, stop: { timeoutMs: 5000, onFail: 'block' }, monitor: { intervalMs: 0, timeoutMs: 5000, onFail: 'restart' } };

const answer = (port: number): Promise<string> => new Promise((resolve) => {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (d) => (text += d.toString()));
  socket.on('end', () => resolve(text));
  socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
});

describe('a heartbeat v1 resource script run by the agent (--ha-dir)', () => {
  let dir: string;
  let port: number;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hactl-hbscript-'));
    port = 20000 + Math.floor(Math.random() * 30000);
    execFileSync('mkdir', ['-p', join(dir, 'resource.d')]);
    writeFileSync(join(dir, 'resource.d', 'websvc'), script(dir), { mode: 0o755 });
    writeFileSync(join(dir, 'ha.cf'), `keepalive 100ms\nwarntime 300ms\ndeadtime 500ms\ninitdead 1\nudpport ${port}\nucast lo 127.0.0.2\nauto_failback off\nnode n1\nnode n2\n`);
    writeFileSync(join(dir, 'haresources'), `n1 websvc::${port}\n`);
    writeFileSync(join(dir, 'authkeys'), 'auth 1\n1 sha1 script-test\n', { mode: 0o600 });
    cleanups.push(() => {
      execFileSync('sh', ['-c', `[ -f ${dir}/websvc.pid ] && kill $(cat ${dir}/websvc.pid) 2>/dev/null; true`]);
      rmSync(dir, { recursive: true, force: true });
    });
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  const status = (): string => execFileSync(join(dir, 'resource.d', 'websvc'), [String(port), 'status'], { encoding: 'utf8' });

  it('finds the script in the resource.d of the --ha-dir it was given', async () => {
    const { config } = await loadHeartbeatV1(dir);
    expect(config.groups[0]!.members[0]).toMatchObject({ class: 'heartbeat', name: 'websvc', path: join(dir, 'resource.d', 'websvc'), args: [String(port)] });
  });

  it('reads status as heartbeat does: "not running" with exit 0 is stopped, and start brings up the real process', async () => {
    const { config } = await loadHeartbeatV1(dir);
    const member = config.groups[0]!.members[0]!;
    const driver = createDriver(member, { cluster: 'heartbeat', node: 'n1', runDir: dir, log: silentLogger() });
    const ctx = { timeoutMs: 10_000 };
    expect(status()).toBe('websvc is not running\n');
    expect(await driver.monitor(ctx)).toEqual({ state: 'stopped' });
    await driver.start(ctx);
    await until(() => status() === 'websvc is running\n', 5000, 'the server');
    expect(await driver.monitor(ctx)).toEqual({ state: 'running' });
    await driver.stop(ctx);
    expect(await driver.monitor(ctx)).toEqual({ state: 'stopped' });
  });

  it('accepts a stop that fails on a stopped service when status then says so, and refuses one that leaves it running', async () => {
    const lazy = join(dir, 'resource.d', 'lazy');
    writeFileSync(lazy, `#!/bin/sh\ncase "$1" in\n  stop) exit 1 ;;\n  status) [ -f ${dir}/lazy.up ] && echo running || echo "lazy is not running" ;;\nesac\nexit 0\n`, { mode: 0o755 });
    const driver = createDriver({ id: 'lazy', class: 'heartbeat', name: 'lazy', path: lazy, args: [], ops: OPS }, { cluster: 'heartbeat', node: 'n1', runDir: dir, log: silentLogger() });
    await expect(driver.stop({ timeoutMs: 5000 })).resolves.toBeUndefined();
    writeFileSync(join(dir, 'lazy.up'), '');
    await expect(driver.stop({ timeoutMs: 5000 })).rejects.toThrow(/lazy stop: exit 1/);
  });

  it('starts the stopped service at start-up instead of adopting it, so clients get an answer', async () => {
    const { config } = await loadHeartbeatV1(dir);
    const local: AgentConfig = { ...config, runDir: dir, control: { ...config.control, socket: join(dir, 'control.sock') } };
    const agent = new Agent({ config: local, node: 'n1', log: silentLogger() });
    cleanups.push(() => agent.abort());
    await agent.start();
    await until(() => agent.isActive('websvc'), 10_000, 'the group to run on n1');
    // the script backgrounds the server and returns at once, as classic scripts do
    const deadline = Date.now() + 5000;
    while ((await answer(port)) !== 'up\n' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await answer(port)).toBe('up\n');
    await agent.stop('test done');
    expect(status()).toBe('websvc is not running\n');
    expect(await answer(port)).toBe('ECONNREFUSED');
  });
});

describe("heartbeat's reading of a status answer", () => {
  const r = (stdout: string, code = 0) => ({ code, signal: null, stdout, stderr: '', timedOut: false });
  it('takes "not running" as stopped and "running" or "OK" as running, whatever the exit code', () => {
    expect(heartbeatStatus(r('websvc is not running\n'), 'x')).toEqual({ state: 'stopped' });
    expect(heartbeatStatus(r('Not   yet Running'), 'x')).toEqual({ state: 'stopped' });
    expect(heartbeatStatus(r('websvc (pid 42) is running...\n', 3), 'x')).toEqual({ state: 'running' });
    expect(heartbeatStatus(r('Status: OK\n', 1), 'x')).toEqual({ state: 'running' });
  });

  it('takes any other answer as stopped, as heartbeat does, even with exit 0', () => {
    expect(heartbeatStatus(r('stopped\n'), 'x')).toEqual({ state: 'stopped' });
    expect(heartbeatStatus(r('INFO: Resource is stopped\n', 7), 'x')).toEqual({ state: 'stopped' });
  });

  it('reads a script that prints nothing by its LSB exit code (heartbeat never monitors, the agent does)', () => {
    expect(heartbeatStatus(r(''), 'x')).toEqual({ state: 'running' });
    expect(heartbeatStatus(r('\n', 3), 'x')).toEqual({ state: 'stopped' });
    expect(heartbeatStatus(r('', 1), 'x')).toEqual({ state: 'stopped' });
  });
});
