import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentCleanup, agentMove, agentOnline, agentStandby, agentStatus, agentUnmove } from '../../src/agent/control/client.js';
import type { AgentStatus } from '../../src/agent/status/status.js';
import { AGENT_ENV, AGENT_NODE_FLAGS } from '../../src/agent/run/node-flags.js';
import { createLab, destroyLab, type Lab, type LabProcess, type LabSpec } from '../../src/netns/index.js';
import { missing } from '../support/env.js';

const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'nft', 'ping', 'arping', 'curl'] });

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const MAIN = join(ROOT, 'src', 'agent', 'run', 'main.ts');
const FUZZ = join(ROOT, 'test', 'agent', 'support', 'udp-fuzz.ts');
const KEY = 'lab-scenario-key-0123456789';
const VIP = '172.30.0.10';
const PORT = 8080;
const PING = '172.30.0.254';
// A service that needs nothing installed: it answers with the node it runs on.
const SERVICE = `require('http').createServer((q,r)=>r.end(process.env.HACTL_NODE+'\\n')).listen(${PORT},'0.0.0.0')`;

function spec(name: string, nodes: string[]): LabSpec {
  return {
    name,
    networks: [{ name: 'svc', cidr: '172.30.0.0/24' }, { name: 'ic', cidr: '10.30.0.0/24' }],
    nodes: nodes.map((n, i) => ({
      name: n,
      nics: [
        { name: 'eth0', network: 'svc', address: `172.30.0.${11 + i}/24` },
        { name: 'eth1', network: 'ic', address: `10.30.0.${1 + i}/24` },
      ],
    })),
    clients: [{ name: 'client', nics: [{ name: 'eth0', network: 'svc', address: '172.30.0.100/24' }] }],
    gateways: [{ network: 'svc', address: PING }],
  };
}

interface ConfigOptions {
  autoFailback?: boolean;
  links?: Array<'ic' | 'svc'>;
  migrationThreshold?: number;
  ping?: boolean;
}

function agentConfig(nodes: string[], o: ConfigOptions = {}): Record<string, unknown> {
  const links = o.links ?? ['ic', 'svc'];
  return {
    cluster: 'lab',
    nodes: nodes.map((n, i) => ({
      name: n,
      addresses: Object.fromEntries(links.map((l) => [l, l === 'ic' ? `10.30.0.${1 + i}/24` : `172.30.0.${11 + i}/24`])),
    })),
    links: links.map((l) => ({ name: l, mode: 'ucast', iface: l === 'ic' ? 'eth1' : 'eth0' })),
    auth: { method: 'sha256', key: KEY },
    timings: { keepaliveMs: 50, warntimeMs: 100, deadtimeMs: 200, initdeadMs: 5000 },
    autoFailback: o.autoFailback ?? false,
    ...(o.ping === false ? {} : { ping: { targets: [PING], intervalMs: 100, deadMs: 400 } }),
    log: { level: 'debug' },
    groups: [
      {
        name: 'web',
        preferred: nodes[0],
        migrationThreshold: o.migrationThreshold ?? 3,
        members: [
          { id: 'vip', class: 'ipaddr2', ip: VIP, cidr: 24, nic: 'eth0', ops: { monitor: { intervalMs: 500 } } },
          { id: 'svc', class: 'exec', run: [process.execPath, '-e', SERVICE], ops: { monitor: { intervalMs: 100 } } },
          { id: 'http', class: 'http', url: `http://127.0.0.1:${PORT}/`, ops: { start: { timeoutMs: 3000 }, monitor: { intervalMs: 500 } } },
        ],
      },
    ],
  };
}

function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  return (async () => {
    let last: unknown;
    for (;;) {
      try {
        const v = await probe();
        if (v !== undefined && v !== false) return v;
      } catch (err) {
        last = err;
      }
      if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
}

/** One lab per describe: agents, services and VIPs are reset between tests; the lab goes in afterAll. */
function labSuite(name: string, nodes: string[]) {
  const s = {
    lab: undefined as unknown as Lab,
    agents: new Map<string, LabProcess>(),
    async setup(): Promise<void> {
      await destroyLab(name);
      s.lab = await createLab(spec(name, nodes));
    },
    async teardown(): Promise<void> {
      await s.reset();
      await (s.lab ? s.lab.destroy() : destroyLab(name));
    },
    writeConfig(doc: Record<string, unknown>, only = nodes): void {
      for (const n of only) {
        const dir = join(s.lab.nodeRoot(n), 'etc', 'hactl');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'agent.json'), JSON.stringify(doc, null, 2), { mode: 0o600 });
      }
    },
    start(node: string): LabProcess {
      const p = s.lab.spawn(node, [process.execPath, ...AGENT_NODE_FLAGS, '--import', TSX, MAIN, '--config', '/etc/hactl/agent.json', '--node', node], {
        env: { ...AGENT_ENV },
      });
      s.agents.set(node, p);
      return p;
    },
    async kill(node: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
      const p = s.agents.get(node);
      if (!p) return;
      s.agents.delete(node);
      p.kill(signal);
      await Promise.race([p.exited, new Promise((r) => setTimeout(r, 15_000))]);
    },
    runDir: (node: string) => join(s.lab.nodeRoot(node), 'run', 'hactl', `lab-${node}`),
    socket: (node: string) => join(s.runDir(node), 'control.sock'),
    status: (node: string): Promise<AgentStatus> => agentStatus(s.socket(node), { timeoutMs: 2000 }),
    /** Nodes that have the VIP configured right now. */
    async vipHolders(): Promise<string[]> {
      const out: string[] = [];
      for (const n of nodes) if ((await s.lab.addresses(n)).some((a) => a.address === VIP)) out.push(n);
      return out;
    },
    /** Which node's service answers on the VIP, as the client sees it ('' = nobody). */
    async client(): Promise<string> {
      const r = await s.lab.exec('client', ['curl', '-s', '-m', '1', `http://${VIP}:${PORT}/`], { timeoutMs: 5000 });
      return r.exitCode === 0 ? r.stdout.trim() : '';
    },
    async servicePid(node: string): Promise<number | undefined> {
      try {
        return Number(readFileSync(join(s.runDir(node), 'svc.pid'), 'utf8').trim());
      } catch {
        return undefined;
      }
    },
    /** Stops agents (SIGKILL by PID), services (by their pid file), removes VIPs and agent state on every node. */
    async reset(): Promise<void> {
      for (const n of [...s.agents.keys()]) await s.kill(n);
      if (!s.lab) return;
      await s.lab.heal();
      for (const n of nodes) {
        await s.lab.setLink(n, 'eth0', 'up');
        await s.lab.setLink(n, 'eth1', 'up');
        const pid = await s.servicePid(n);
        if (pid) await s.lab.exec(n, ['kill', '-9', String(pid)]);
        await s.lab.exec(n, ['ip', 'addr', 'del', `${VIP}/24`, 'dev', 'eth0']);
        rmSync(s.runDir(n), { recursive: true, force: true });
      }
    },
    logs(): string {
      return [...nodes]
        .map((n) => {
          try {
            const text = readFileSync(join('/run/hactl/lab', name, 'logs', n, 'node.log'), 'utf8');
            return `--- ${n}\n${text.split('\n').slice(-40).join('\n')}`;
          } catch {
            return '';
          }
        })
        .join('\n');
    },
    /** Starts every node and waits for the group to run on `on` and answer the client. */
    async startAll(on: string, only = nodes): Promise<void> {
      for (const n of only) s.start(n);
      await until(`${on} to serve the VIP`, async () => (await s.client()) === on && (await s.vipHolders()).join() === on, 20_000);
    },
  };
  return s;
}

describe.skipIf(skip)('agent lab scenarios, two nodes', () => {
  // Per-process names: createLab tears down a lab of the same name, which may be a concurrent run's.
  const s = labSuite(`ag2-${process.pid}`, ['n1', 'n2']);
  beforeAll(() => s.setup(), 120_000);
  afterAll(() => s.teardown(), 120_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') console.error(s.logs());
    await s.reset();
  });

  it('1. starts the group on the preferred node; the other node stays standby', async () => {
    s.writeConfig(agentConfig(['n1', 'n2']));
    await s.startAll('n1');
    const st = await until('n2 to see the group on n1', async () => {
      const x = await s.status('n2');
      return x.groups[0]!.runningOn.join() === 'n1' ? x : undefined;
    });
    expect(st.nodes.map((n) => `${n.name}:${n.status}`)).toEqual(['n1:up', 'n2:up']);
    expect(st.nodes.flatMap((n) => n.links.map((l) => `${l.link}:${l.status}`))).toEqual(['ic:up', 'svc:up']);
    expect((await s.status('n2')).groups[0]!.members.every((m) => m.state === 'stopped')).toBe(true);
    expect(await s.servicePid('n2')).toBeUndefined();
  });

  it('2. takes over on the peer when the active agent is SIGKILLed; the client reaches the service on the VIP again', async () => {
    s.writeConfig(agentConfig(['n1', 'n2']));
    await s.startAll('n1');
    await s.kill('n1', 'SIGKILL');
    await until('the client to reach n2 on the VIP', async () => (await s.client()) === 'n2');
    expect((await s.status('n2')).nodes[0]!.status).toBe('dead');
  });

  it('3a. keeps the VIP on one node when the interconnect link goes down on one side (heartbeats use the other link)', async () => {
    s.writeConfig(agentConfig(['n1', 'n2']));
    await s.startAll('n1');
    await s.lab.setLink('n1', 'eth1', 'down');
    await until('n2 to see link ic down', async () => (await s.status('n2')).nodes[0]!.links.find((l) => l.link === 'ic')?.status === 'down');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.vipHolders()).toEqual(['n1']);
    expect(await s.client()).toBe('n1');
    expect((await s.status('n2')).nodes[0]!.status).toBe('up');
  });

  it('3b. moves the VIP when the active node loses its service link and the ping node: exactly one node keeps it', async () => {
    s.writeConfig(agentConfig(['n1', 'n2']));
    await s.startAll('n1');
    await s.lab.setLink('n1', 'eth0', 'down');
    await until('the client to reach n2', async () => (await s.client()) === 'n2');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.vipHolders()).toEqual(['n2']);
    const st = await s.status('n1');
    expect(st.ping[0]!.state).toBe('unreachable');
    expect(st.nodes[1]!.status).toBe('up');
  });

  it('3c. with a single interconnect link cut on one side, the side without carrier gives up: exactly one node keeps the VIP', async () => {
    s.writeConfig(agentConfig(['n1', 'n2'], { links: ['ic'] }));
    await s.startAll('n1');
    await s.lab.setLink('n1', 'eth1', 'down');
    await until('the client to reach n2', async () => (await s.client()) === 'n2');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.vipHolders()).toEqual(['n2']);
    expect((await s.status('n1')).groups[0]!.reason).toMatch(/lost carrier on every heartbeat link/);
  });

  it('3d. the same cut on the standby side: the active node keeps the VIP, the cut-off one does not take it', async () => {
    s.writeConfig(agentConfig(['n1', 'n2'], { links: ['ic'] }));
    await s.startAll('n1');
    await s.lab.setLink('n2', 'eth1', 'down');
    await until('n1 to see n2 dead', async () => (await s.status('n1')).nodes[1]!.status === 'dead');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.vipHolders()).toEqual(['n1']);
    expect(await s.client()).toBe('n1');
  });

  it('3e. a partition heals with the group running on both nodes: the preferred one keeps it and clients reach it at once', async () => {
    s.writeConfig(agentConfig(['n1', 'n2']));
    await s.startAll('n1');
    await s.lab.partition([['n1'], ['n2', 'client']]);
    await until('the client to reach n2', async () => (await s.client()) === 'n2');
    expect(await s.vipHolders()).toEqual(['n1', 'n2']);
    await s.lab.heal();
    await until('n2 to let go', async () => (await s.vipHolders()).join() === 'n1', 5000);
    // The client's ARP entry still names n2, which dropped the address: only a new announcement from n1 fixes it
    // before the neighbour entry times out (tens of seconds).
    await until('the client to reach n1', async () => (await s.client()) === 'n1', 3000);
    const log = readFileSync(join('/run/hactl/lab', s.lab.name, 'logs', 'n1', 'node.log'), 'utf8');
    expect(log).toMatch(/"event":"reannounce","group":"web","resources":\["vip"\]/);
  });

  it('4. restarts a dead service, then moves the group after migration-threshold failures', async () => {
    s.writeConfig(agentConfig(['n1', 'n2'], { migrationThreshold: 2 }));
    await s.startAll('n1');
    const first = await s.servicePid('n1');
    await s.lab.exec('n1', ['kill', '-9', String(first)]);
    await until('a restarted service on n1', async () => {
      const pid = await s.servicePid('n1');
      return pid !== undefined && pid !== first && (await s.client()) === 'n1';
    });
    const st = await s.status('n1');
    expect(st.failCounts).toMatchObject([{ node: 'n1', resource: 'svc', count: 1 }]);
    expect(await s.vipHolders()).toEqual(['n1']);
    await s.lab.exec('n1', ['kill', '-9', String(await s.servicePid('n1'))]);
    await until('the group to move to n2', async () => (await s.client()) === 'n2' && (await s.vipHolders()).join() === 'n2');
    const st2 = await s.status('n2');
    expect(st2.failCounts).toMatchObject([{ node: 'n1', resource: 'svc', count: 2 }]);
    expect(st2.failedActions.map((a) => `${a.node} ${a.resource}_${a.op}`)).toEqual(['n1 svc_monitor', 'n1 svc_monitor']);
  });

  it('5a. auto_failback off: the old master returns and does not take the VIP back', async () => {
    s.writeConfig(agentConfig(['n1', 'n2'], { autoFailback: false }));
    await s.startAll('n1');
    await s.kill('n1', 'SIGTERM');
    await until('n2 to serve', async () => (await s.client()) === 'n2' && (await s.vipHolders()).join() === 'n2');
    s.start('n1');
    await until('n1 to rejoin', async () => (await s.status('n1')).phase === 'active');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await s.vipHolders()).toEqual(['n2']);
    expect(await s.client()).toBe('n2');
  });

  it('5b. auto_failback on: the old master returns and takes the VIP back', async () => {
    s.writeConfig(agentConfig(['n1', 'n2'], { autoFailback: true }));
    await s.startAll('n1');
    await s.kill('n1', 'SIGTERM');
    await until('n2 to serve', async () => (await s.client()) === 'n2');
    s.start('n1');
    await until('n1 to serve again', async () => (await s.client()) === 'n1' && (await s.vipHolders()).join() === 'n1');
  });

  it('6. standby / online / move / unmove / cleanup behave as in crmsh', async () => {
    s.writeConfig(agentConfig(['n1', 'n2']));
    await s.startAll('n1');
    const serves = (n: string) => until(`${n} to serve`, async () => (await s.client()) === n && (await s.vipHolders()).join() === n);
    await agentStandby(s.socket('n2'), 'n1');
    await serves('n2');
    expect((await s.status('n1')).nodes[0]!.standby).toBe(true);
    await agentOnline(s.socket('n1'), 'n1');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.vipHolders()).toEqual(['n2']);
    await agentMove(s.socket('n2'), 'web', 'n1');
    await serves('n1');
    expect((await s.status('n2')).groups[0]!.movedTo).toBe('n1');
    await agentUnmove(s.socket('n1'), 'web');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.vipHolders()).toEqual(['n1']);
    expect((await s.status('n2')).groups[0]!.movedTo).toBeUndefined();
    await s.lab.exec('n1', ['kill', '-9', String(await s.servicePid('n1'))]);
    await until('a fail-count on n1', async () => (await s.status('n2')).failCounts.length === 1);
    await agentCleanup(s.socket('n2'), 'svc');
    await until('the fail-count to be cleared everywhere', async () =>
      (await s.status('n1')).failCounts.length === 0 && (await s.status('n2')).failCounts.length === 0);
    await serves('n1');
  });

  it('8. ignores forged, replayed and malformed packets (10k+): no state changes, nothing crashes', async () => {
    s.writeConfig(agentConfig(['n1', 'n2']));
    await s.startAll('n1');
    const n2 = await s.status('n2');
    const before = await s.status('n1');
    const r = await s.lab.exec(
      'client',
      [process.execPath, '--import', TSX, FUZZ, '172.30.0.11', '694', 'lab', KEY, 'n2', String(n2.generation), String(n2.seq), '10000'],
      { timeoutMs: 60_000 },
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ forged: 500, oldGeneration: 500, replayed: 200, malformed: 10000 });
    await new Promise((res) => setTimeout(res, 500));
    const after = await s.status('n1');
    const dropped = (k: string) => (after.drops[k] ?? 0) - (before.drops[k] ?? 0);
    expect(dropped('mac')).toBeGreaterThan(0);
    expect(dropped('old-generation')).toBeGreaterThan(0);
    expect(dropped('replay') + dropped('too-old')).toBeGreaterThan(0);
    expect(Object.keys(after.drops).reduce((sum, k) => sum + dropped(k), 0)).toBeGreaterThan(5000);
    expect(after.nodes[1]).toMatchObject({ name: 'n2', status: 'up', standby: false, phase: 'active' });
    expect(after.groups[0]!.runningOn).toEqual(['n1']);
    expect(after.generation).toBe(before.generation);
    expect(s.agents.size).toBe(2);
    expect(await s.client()).toBe('n1');
    expect(await s.vipHolders()).toEqual(['n1']);
  });

  it('9. runs as a drop-in from heartbeat v1 ha.cf, haresources and authkeys (seed 000 style)', async () => {
    const websvc = [
      '#!/bin/sh',
      'PIDFILE=/run/websvc.pid',
      'case "$1" in',
      `  start) [ -f $PIDFILE ] && kill -0 $(cat $PIDFILE) 2>/dev/null && exit 0`,
      `         ${process.execPath} -e "require('http').createServer((q,r)=>r.end(require('os').hostname()+'\\n')).listen(${PORT})" >/dev/null 2>&1 </dev/null &`,
      '         echo $! > $PIDFILE; exit 0;;',
      '  stop) [ -f $PIDFILE ] && kill $(cat $PIDFILE) 2>/dev/null; rm -f $PIDFILE; exit 0;;',
      '  status) [ -f $PIDFILE ] && kill -0 $(cat $PIDFILE) 2>/dev/null && exit 0; exit 3;;',
      'esac',
      'exit 2',
      '',
    ].join('\n');
    ['n1', 'n2'].forEach((n, i) => {
      const dir = join(s.lab.nodeRoot(n), 'etc', 'ha.d');
      mkdirSync(join(dir, 'resource.d'), { recursive: true });
      const peer = i === 0 ? '10.30.0.2' : '10.30.0.1';
      writeFileSync(
        join(dir, 'ha.cf'),
        `keepalive 50ms\nwarntime 100ms\ndeadtime 200ms\ninitdead 5\nudpport 694\nucast eth1 ${peer}\nauto_failback off\nnode n1\nnode n2\nping ${PING}\n`,
      );
      writeFileSync(join(dir, 'haresources'), `n1 websvc ${VIP}/24/eth0\n`);
      writeFileSync(join(dir, 'authkeys'), 'auth 2\n2 sha1 drop-in-secret\n', { mode: 0o600 });
      writeFileSync(join(dir, 'resource.d', 'websvc'), websvc, { mode: 0o755 });
    });
    const socket = (n: string) => join(s.lab.nodeRoot(n), 'run', 'hactl', `heartbeat-${n}`, 'control.sock');
    const start = (n: string) =>
      s.agents.set(n, s.lab.spawn(n, [process.execPath, ...AGENT_NODE_FLAGS, '--import', TSX, MAIN, '--ha-dir', '/etc/ha.d', '--node', n], { env: { ...AGENT_ENV } }));
    try {
      start('n1');
      start('n2');
      await until('n1 to serve the VIP', async () => (await s.client()) === 'n1' && (await s.vipHolders()).join() === 'n1', 20_000);
      const st = await agentStatus(socket('n2'));
      expect(st.cluster).toBe('heartbeat');
      expect(st.groups[0]).toMatchObject({ name: 'websvc', runningOn: ['n1'] });
      await s.kill('n1', 'SIGKILL');
      await until('the client to reach n2 on the VIP', async () => (await s.client()) === 'n2');
    } finally {
      for (const n of ['n1', 'n2']) {
        await s.kill(n);
        await s.lab.exec(n, ['sh', '-c', 'kill $(cat /run/websvc.pid)']);
      }
    }
  });
});

describe.skipIf(skip)('agent lab scenarios, three nodes', () => {
  const s = labSuite(`ag3-${process.pid}`, ['n1', 'n2', 'n3']);
  beforeAll(() => s.setup(), 120_000);
  afterAll(() => s.teardown(), 120_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') console.error(s.logs());
    await s.reset();
  });

  it('7. stops the resources of the minority partition; the majority runs them', async () => {
    s.writeConfig(agentConfig(['n1', 'n2', 'n3']));
    await s.startAll('n1');
    await s.lab.partition([['n1'], ['n2', 'n3']]);
    await until('the majority to serve', async () => (await s.client()) === 'n2' && (await s.vipHolders()).join() === 'n2');
    const minority = await s.status('n1');
    expect(minority.quorum).toMatchObject({ quorate: false, votes: 1, expected: 3 });
    expect(minority.groups[0]!.members.every((m) => m.state === 'stopped')).toBe(true);
    await s.lab.heal();
    await until('n1 to rejoin', async () => (await s.status('n2')).nodes[0]!.status === 'up');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.vipHolders()).toEqual(['n2']);
  });
});
