import { createSocket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentStandby, agentStatus } from '../../src/agent/control/client.js';
import { parseAgentConfig } from '../../src/agent/config/index.js';
import { Agent } from '../../src/agent/core/agent.js';
import { silentLogger } from '../../src/agent/log/logger.js';
import { createAuthenticator } from '../../src/agent/protocol/auth.js';
import { encodePacket } from '../../src/agent/protocol/packet.js';
import { encodeReport } from '../../src/agent/protocol/report.js';
import { FakeResources, until } from './fake-driver.js';
import { KEY } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Two or three in-process agents on loopback addresses, resources faked: no root needed. */
async function cluster(names: string[], patch: Record<string, unknown> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'hactl-agents-'));
  const port = 20000 + Math.floor(Math.random() * 30000);
  const base = 20 + Math.floor(Math.random() * 200);
  const config = parseAgentConfig({
    cluster: 'inproc',
    nodes: names.map((name, i) => ({ name, addresses: { lo: `127.0.${base}.${i + 1}` } })),
    links: [{ name: 'lo', mode: 'ucast', port }],
    auth: { method: 'sha256', key: KEY },
    timings: { keepaliveMs: 20, warntimeMs: 40, deadtimeMs: 60, initdeadMs: 400 },
    runDir: `${dir}/{node}`,
    groups: [
      {
        name: 'web',
        preferred: names[0],
        members: [
          { id: 'vip', class: 'exec', start: 'true', ops: { monitor: { intervalMs: 20 } } },
          { id: 'svc', class: 'exec', start: 'true', ops: { monitor: { intervalMs: 20 } } },
        ],
      },
    ],
    ...patch,
  });
  const fakes = new Map<string, FakeResources>();
  const agents = new Map<string, Agent>();
  const startNode = async (name: string): Promise<Agent> => {
    const fake = fakes.get(name) ?? new FakeResources();
    fakes.set(name, fake);
    const agent = new Agent({ config, node: name, log: silentLogger(), driverFor: fake.driverFor });
    agents.set(name, agent);
    await agent.start();
    return agent;
  };
  for (const n of names) await startNode(n);
  cleanups.push(async () => {
    for (const a of agents.values()) await a.abort();
    await rm(dir, { recursive: true, force: true });
  });
  const active = () => [...agents].filter(([, a]) => a.isActive('web')).map(([n]) => n);
  return { config, agents, fakes, active, startNode, port, dir };
}

describe('agents on loopback', () => {
  it('start the group on the preferred node only', async () => {
    const c = await cluster(['sv1', 'sv2']);
    await until(() => c.active().length === 1);
    expect(c.active()).toEqual(['sv1']);
    await until(() => c.agents.get('sv2')!.status().groups[0]!.runningOn.length === 1);
    const s = c.agents.get('sv2')!.status();
    expect(s.groups[0]).toMatchObject({ name: 'web', target: 'sv1', runningOn: ['sv1'] });
    expect(s.nodes.map((n) => `${n.name}:${n.status}`)).toEqual(['sv1:up', 'sv2:up']);
  });

  it('fail over when the active agent dies, within deadtime plus a few ms', async () => {
    const c = await cluster(['sv1', 'sv2']);
    await until(() => c.active().includes('sv1'));
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    await c.agents.get('sv1')!.abort();
    await until(() => c.agents.get('sv2')!.isActive('web'), 2000);
    const ms = performance.now() - t0;
    // the last heartbeat left up to one keepalive before the crash
    expect(ms).toBeGreaterThanOrEqual(60 - 20 - 5);
    expect(ms).toBeLessThan(400);
  });

  it('hand over at once on a clean stop (no deadtime wait), stopping resources in reverse order', async () => {
    const c = await cluster(['sv1', 'sv2']);
    await until(() => c.active().includes('sv1'));
    c.fakes.get('sv1')!.calls.length = 0;
    await c.agents.get('sv1')!.stop('test');
    expect(c.fakes.get('sv1')!.calls).toEqual(['stop svc', 'stop vip']);
    await until(() => c.agents.get('sv2')!.isActive('web'), 2000);
    expect(c.agents.get('sv2')!.status().nodes[0]!.status).toBe('left');
  });

  it('keep the group on the survivor when the old master returns (auto_failback off)', async () => {
    const c = await cluster(['sv1', 'sv2']);
    await until(() => c.active().includes('sv1'));
    await c.agents.get('sv1')!.stop('test');
    await until(() => c.agents.get('sv2')!.isActive('web'));
    await c.startNode('sv1');
    await new Promise((r) => setTimeout(r, 300));
    expect(c.active()).toEqual(['sv2']);
  });

  it('give it back with auto_failback on', async () => {
    const c = await cluster(['sv1', 'sv2'], { autoFailback: true });
    await until(() => c.active().includes('sv1'));
    await c.agents.get('sv1')!.stop('test');
    await until(() => c.agents.get('sv2')!.isActive('web'));
    await c.startNode('sv1');
    await until(() => c.active().join() === 'sv1', 3000);
  });

  it('follow standby/online and move/unmove given to any node, through the control socket', async () => {
    const c = await cluster(['sv1', 'sv2']);
    await until(() => c.active().includes('sv1'));
    const sock2 = c.agents.get('sv2')!.paths.socket;
    await agentStandby(sock2, 'sv1');
    await until(() => c.active().join() === 'sv2');
    const st = await agentStatus(c.agents.get('sv1')!.paths.socket);
    expect(st.nodes.find((n) => n.name === 'sv1')!.standby).toBe(true);
    await c.agents.get('sv1')!.handle({ cmd: 'online', node: 'sv1' });
    await new Promise((r) => setTimeout(r, 150));
    expect(c.active()).toEqual(['sv2']);
    await c.agents.get('sv2')!.handle({ cmd: 'move', group: 'web', node: 'sv1' });
    await until(() => c.active().join() === 'sv1');
    await c.agents.get('sv2')!.handle({ cmd: 'unmove', group: 'web' });
    await new Promise((r) => setTimeout(r, 150));
    expect(c.active()).toEqual(['sv1']);
    expect(c.agents.get('sv2')!.status().groups[0]!.movedTo).toBeUndefined();
  });

  it('move the group after migration-threshold failures and cleanup clears the count everywhere', async () => {
    const c = await cluster(['sv1', 'sv2'], {});
    await until(() => c.active().includes('sv1'));
    const fake = c.fakes.get('sv1')!;
    for (let i = 0; i < 3; i++) {
      await until(() => c.agents.get('sv1')!.isActive('web') && fake.running.get('svc') === true, 3000, `running before failure ${i + 1}`);
      fake.running.set('svc', false);
      await until(() => c.agents.get('sv1')!.status().failCounts.some((f) => f.count === i + 1), 3000, `failure ${i + 1}`);
    }
    await until(() => c.active().join() === 'sv2', 3000);
    await until(() => c.agents.get('sv2')!.status().failCounts.some((f) => f.node === 'sv1' && f.resource === 'svc' && f.count === 3));
    await c.agents.get('sv2')!.handle({ cmd: 'cleanup', resource: 'svc' });
    await until(() => c.agents.get('sv1')!.status().failCounts.length === 0);
  });

  it('stop the group in a one-node minority of three (no quorum, policy stop)', async () => {
    const c = await cluster(['sv1', 'sv2', 'sv3']);
    await until(() => c.active().includes('sv1'));
    await c.agents.get('sv2')!.abort();
    await new Promise((r) => setTimeout(r, 150));
    expect(c.active()).toEqual(['sv1']);
    await c.agents.get('sv3')!.abort();
    await until(() => !c.agents.get('sv1')!.isActive('web'), 2000);
    expect(c.agents.get('sv1')!.status().quorum).toMatchObject({ quorate: false, votes: 1, expected: 3 });
  });

  it('run notify scripts as keepalived does: master where the group runs, backup elsewhere', async () => {
    const out = await mkdtemp(join(tmpdir(), 'hactl-notify-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const c = await cluster(['sv1', 'sv2'], { notify: { master: `printf '%s %s %s\\n' "$HACTL_NODE" >> ${out}/events`, backup: [`/bin/sh`, `-c`, `echo "$HACTL_NODE $0 $1" >> ${out}/events`] } });
    await until(() => c.active().includes('sv1'));
    const read = async () => (await readFile(join(out, 'events'), 'utf8').catch(() => '')).trim().split('\n').sort();
    for (const end = Date.now() + 3000; (await read()).length < 2 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
    expect(await read()).toEqual(['sv1 web MASTER', 'sv2 web BACKUP']);
  });

  it('ignore forged, replayed and malformed datagrams', async () => {
    const c = await cluster(['sv1', 'sv2']);
    await until(() => c.active().includes('sv1'));
    const sv2 = c.agents.get('sv2')!;
    const target = c.config.nodes[1]!.addresses.lo!;
    const sock = createSocket('udp4');
    cleanups.push(() => new Promise((r) => sock.close(() => r())));
    const send = (buf: Buffer) => new Promise<void>((r) => sock.send(buf, c.port, target, () => r()));
    // A forger who claims sv1 stands by and runs nothing, signed with a wrong key.
    const lie = encodeReport({ phase: 'leaving', pingReachable: 0, groups: { web: { state: 'stopped', banned: true } }, failCounts: [], failedActions: [], admin: [] });
    const forged = encodePacket({ type: 'leave', cluster: 'inproc', node: 'sv1', generation: Date.now() + 1e6, seq: 1, stateVersion: 1e6, payload: lie }, createAuthenticator('sha256', 'wrong-key'));
    for (let i = 0; i < 200; i++) await send(forged);
    for (let i = 0; i < 300; i++) await send(Buffer.from(Array.from({ length: i % 90 }, () => Math.floor(Math.random() * 256))));
    await new Promise((r) => setTimeout(r, 100));
    const s = sv2.status();
    // the kernel may drop part of the burst from the socket buffer; whatever arrived was refused
    expect(s.drops.mac).toBeGreaterThan(100);
    expect(s.nodes[0]!.status).toBe('up');
    expect(s.groups[0]!.runningOn).toEqual(['sv1']);
    expect(c.active()).toEqual(['sv1']);
  });

  it('keep hearing the real peer after a forged crc heartbeat with a huge generation', async () => {
    const c = await cluster(['sv1', 'sv2'], { auth: { method: 'crc' } });
    await until(() => c.active().includes('sv1'));
    const sv2 = c.agents.get('sv2')!;
    const sock = createSocket('udp4');
    cleanups.push(() => new Promise((r) => sock.close(() => r())));
    // crc authenticates nothing, so this packet is "authentic"; accepted, it would make every real packet of sv1 old
    const forged = encodePacket(
      { type: 'heartbeat', cluster: 'inproc', node: 'sv1', generation: 2 ** 52, seq: 1, stateVersion: 1, payload: encodeReport({ phase: 'active', pingReachable: 0, groups: {}, failCounts: [], failedActions: [], admin: [] }) },
      createAuthenticator('crc', ''),
    );
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => sock.send(forged, c.port, c.config.nodes[1]!.addresses.lo!, () => r()));
    // well past deadtime (60 ms): a pinned generation would have made sv1 dead and sv2 the holder by now
    await new Promise((r) => setTimeout(r, 400));
    const s = sv2.status();
    expect(s.drops['future-generation']).toBeGreaterThan(0);
    expect(s.nodes[0]!.status).toBe('up');
    expect(c.active()).toEqual(['sv1']);
  });
});
