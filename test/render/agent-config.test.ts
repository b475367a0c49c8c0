import { describe, expect, it } from 'vitest';
import { parseAgentConfig } from '../../src/agent/config/index.js';
import { agentChecker } from '../../src/tool-check/checkers/agent.js';
import { runChecks } from '../../src/tool-check/run-checks.js';
import { agentConfigRenderer } from '../../src/render/agent-config/index.js';
import { env, expectGolden, modelOf, render, stackInput } from './render-variants.js';

describe('agent config (/etc/hactl/agent.json)', async () => {
  const model = await modelOf(await stackInput('quickstart'));
  const files = render(model, agentConfigRenderer);
  const config = parseAgentConfig(JSON.parse(files[0]!.content));

  it('renders the same document for both quickstart nodes (golden)', () => {
    expect(files.map((f) => `${f.node}:${f.path}`)).toEqual(['qs1:/etc/hactl/agent.json', 'qs2:/etc/hactl/agent.json']);
    expect(files[0]!.content).toBe(files[1]!.content);
    for (const file of files) expectGolden('quickstart', file);
  });

  it('is accepted by the agent’s own parser and keeps the stack’s timings and key', () => {
    expect(config.cluster).toBe('quickstart');
    expect(config.timings).toEqual({ keepaliveMs: 100, warntimeMs: 300, deadtimeMs: 500, initdeadMs: 2000 });
    expect(config.auth).toEqual({ method: 'sha256', key: env.HACTL_AUTHKEY });
    expect(config.links.map((l) => [l.name, l.mode, l.port, l.iface])).toEqual([['eth1', 'ucast', 694, 'eth1'], ['eth0', 'ucast', 694, 'eth0']]);
    expect(config.nodes[1]).toEqual({ name: 'qs2', addresses: { eth1: '10.201.1.12/24', eth0: '10.201.0.12/24' } });
    expect(config.quorum.policy).toBe('ignore');
  });

  it('maps the web group: VIP, supervised command and its HTTP probe', () => {
    const [web] = config.groups;
    expect(web).toMatchObject({ name: 'web', preferred: 'qs1', migrationThreshold: 3 });
    expect(web!.members.map((m) => [m.id, m.class])).toEqual([['vip_10_201_0_100', 'ipaddr2'], ['hello', 'exec'], ['hello-check', 'http']]);
    expect(web!.members[0]).toMatchObject({ ip: '10.201.0.100', cidr: 24, nic: 'eth0' });
    expect(web!.members[2]).toMatchObject({ url: 'http://127.0.0.1:8080/', ops: { monitor: { intervalMs: 1000, timeoutMs: 500 } } });
  });

  it('hands a group notify path to the agent as one argv word, so a space does not split it', async () => {
    const input = await stackInput('quickstart');
    const group = input.resources![0] as { notify?: Record<string, string> };
    group.notify = { master: '/usr/local/bin/became master.sh' };
    const doc = parseAgentConfig(JSON.parse(render(await modelOf(input), agentConfigRenderer)[0]!.content));
    expect(doc.groups[0]!.notify).toMatchObject({ master: ['/usr/local/bin/became master.sh'] });
  });

  it('is root-only because it carries the resolved key', () => {
    for (const f of files) expect([f.mode, f.secret, f.checker]).toEqual(['0600', true, 'agent']);
  });

  it('maps seed 000 (memcached on heartbeat) too: an LSB service with a memcached probe', async () => {
    const seed = await modelOf({ ...(await stackInput('000-memcached-heartbeat')), runtime: 'agent', auth: { method: 'sha1', keyFrom: { env: 'HACTL_AUTHKEY' } } });
    const doc = parseAgentConfig(JSON.parse(render(seed, agentConfigRenderer)[0]!.content));
    expect(doc.auth.method).toBe('sha1');
    expect(doc.groups[0]!.members.map((m) => m.class)).toEqual(['ipaddr2', 'lsb', 'memcached']);
    expect(doc.groups[0]!.members[2]).toMatchObject({ port: 11211, ops: { monitor: { intervalMs: 40000, onFail: 'standby' } } });
  });

  it('refuses seed 000’s crc for the agent: a packet signed with no key would be believed', async () => {
    const seed = await modelOf({ ...(await stackInput('000-memcached-heartbeat')), runtime: 'agent' });
    expect(seed.auth?.method).toBe('crc');
    expect(() => render(seed, agentConfigRenderer)).toThrow(expect.objectContaining({ code: 'auth-crc' }));
  });

  it('passes the agent checker, which rejects a document the parser refuses', async () => {
    expect((await runChecks(model, files, [agentChecker])).every((r) => r.ok)).toBe(true);
    const broken = files.map((f) => ({ ...f, content: f.content.replace('"keepaliveMs": 100', '"keepaliveMs": 900') }));
    const [bad] = await runChecks(model, broken, [agentChecker]);
    expect(bad).toMatchObject({ ok: false });
    expect(bad!.message).toMatch(/keepaliveMs/);
  });

  it('renders the same bytes twice', () => {
    expect(render(model, agentConfigRenderer)).toEqual(files);
  });
});
