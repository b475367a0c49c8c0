import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStack } from '../../src/apply/apply.js';
import type { ApplyEvent } from '../../src/apply/events.js';
import { formatEvent } from '../../src/apply/format-event.js';
import { formatPlan, formatPlanJson } from '../../src/apply/format-plan.js';
import { installPackages } from '../../src/apply/packages.js';
import { hasDrift, planStack } from '../../src/apply/plan.js';
import type { ClusterModel } from '../../src/model/model.js';
import { closeTransports, openTransports } from '../../src/transport/open-transports.js';
import type { Transport } from '../../src/transport/transport.js';
import { missing } from '../support/env.js';
import { createSshLab, type SshLab } from '../transport/support/ssh-lab.js';
import { AUTHKEY, fixtureFiles, keepalivedModel, VRRP_PASS, type FixtureOptions } from './fixtures.js';
import { recordingServices } from './local-nodes.js';

const skip = missing({ root: true, tools: ['sshd', 'ip', 'nsenter', 'ssh-keygen'] });
const PATHS = ['/etc/keepalived/keepalived.conf', '/etc/keepalived/notify.sh', '/etc/ha.d/authkeys', '/etc/hactl-test/app.conf'];

describe.skipIf(skip)('plan and apply over SSH to two lab nodes', () => {
  let env: SshLab;
  let model: ClusterModel;
  let transports: Map<string, Transport>;
  const logs: string[] = [];

  beforeAll(async () => {
    env = await createSshLab('tapply', 2);
    model = await keepalivedModel(2);
    transports = await openTransports(model, { overrides: env.overrides, knownHostsFiles: [env.knownHosts], agent: '' });
  });
  afterAll(async () => {
    if (transports) await closeTransports(transports.values());
    await env?.destroy();
  });

  const apply = async (opts: FixtureOptions = {}) => {
    const events: ApplyEvent[] = [];
    const services = recordingServices();
    const report = await applyStack({ model, result: { files: fixtureFiles(model, opts) }, transports, services: services.controller, onEvent: (e) => events.push(e) });
    logs.push(JSON.stringify(report), JSON.stringify(events), ...events.map(formatEvent));
    return { report, events, calls: services.calls };
  };
  const plan = async (opts: FixtureOptions = {}) => {
    const p = await planStack({ model, result: { files: fixtureFiles(model, opts) }, transports });
    logs.push(formatPlan(p, { showUnchanged: true }), formatPlanJson(p));
    return p;
  };
  const stat = async (node: string): Promise<string[]> => {
    const r = await env.lab.exec(node, ['stat', '-c', '%n %a %U:%G %.9Y', ...PATHS, '/etc/hactl-test/cluster.crm']);
    return r.stdout.trim().split('\n');
  };
  const written = (events: ApplyEvent[]) => events.flatMap((e) => (e.type === 'file-written' ? [`${e.node}:${e.path}`] : [])).sort();

  it('first apply creates every file with its mode and owner and reloads each service once per node', async () => {
    const { report, calls } = await apply();
    expect(report.ok).toBe(true);
    for (const node of ['n1', 'n2']) {
      const modes = (await stat(node)).map((l) => l.split(' ').slice(0, 3).join(' '));
      expect(modes.slice(0, 4)).toEqual([
        '/etc/keepalived/keepalived.conf 644 root:root', '/etc/keepalived/notify.sh 755 root:root',
        '/etc/ha.d/authkeys 600 root:root', '/etc/hactl-test/app.conf 644 root:root',
      ]);
    }
    expect((await stat('n1'))[4]).toMatch(/^\/etc\/hactl-test\/cluster.crm 644 root:root/);
    expect((await env.lab.exec('n2', ['stat', '/etc/hactl-test/cluster.crm'])).exitCode).not.toBe(0);
    expect(calls.filter((c) => c.service === 'keepalived').map((c) => c.node)).toEqual(['n2', 'n1']);
    expect((await env.lab.exec('n1', ['cat', '/run/hactl-test-services.log'])).stdout.split('\n').filter(Boolean).sort())
      .toEqual(['reload app', 'reload keepalived', 'restart heartbeat']);
  });

  it('second apply with no change writes nothing, restarts nothing and leaves mtimes alone', async () => {
    const before = [...(await stat('n1')), ...(await stat('n2'))];
    const { report, events, calls } = await apply();
    expect(report).toMatchObject({ ok: true, changed: false });
    expect(report.nodes.map((n) => n.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(written(events)).toEqual([]);
    expect(calls).toEqual([]);
    expect([...(await stat('n1')), ...(await stat('n2'))]).toEqual(before);
  });

  it('a changed model changes exactly the expected files and reloads exactly the expected services', async () => {
    const { report, events, calls } = await apply({ appVersion: 2 });
    expect(report.ok).toBe(true);
    expect(written(events)).toEqual(['n1:/etc/hactl-test/app.conf', 'n2:/etc/hactl-test/app.conf']);
    expect(calls.map((c) => `${c.node}:${c.action} ${c.service}`).sort()).toEqual(['n1:reload app', 'n2:reload app']);
    const backup = report.nodes[0]!.files[0]!.backup!;
    expect(backup).toMatch(/^\/etc\/hactl-test\/app\.conf\.\d{8}$/);
    expect((await env.lab.exec('n1', ['cat', backup])).stdout).toContain('version = 1');
  });

  it('drift on a node shows in plan and fails the expect-no-changes check', async () => {
    expect(hasDrift(await plan({ appVersion: 2 }))).toBe(false);
    await env.lab.exec('n2', ['sh', '-c', 'echo "# hand edit" >> /etc/keepalived/notify.sh']);
    const drift = await plan({ appVersion: 2 });
    expect(hasDrift(drift)).toBe(true);
    const changed = drift.nodes.flatMap((n) => n.files.filter((f) => f.action !== 'unchanged').map((f) => `${n.node}:${f.path}`));
    expect(changed).toEqual(['n2:/etc/keepalived/notify.sh']);
    expect(formatPlan(drift)).toContain('-# hand edit');
    await apply({ appVersion: 2 });
    expect(hasDrift(await plan({ appVersion: 2 }))).toBe(false);
  });

  it('a changed VRRP pass shows as a redacted secret change and reloads keepalived, BACKUP before MASTER', async () => {
    const p = await plan({ appVersion: 2, pass: 'Nw7Secr3' });
    const text = formatPlan(p);
    expect(text).toContain('(secret content changed');
    const { calls } = await apply({ appVersion: 2, pass: 'Nw7Secr3' });
    expect(calls.map((c) => `${c.node}:${c.service}`)).toEqual(['n2:keepalived', 'n1:keepalived']);
  });

  it("runs the platform's service command by default and reports the node when it fails (lab nodes have no systemd)", async () => {
    const events: ApplyEvent[] = [];
    const report = await applyStack({ model, result: { files: fixtureFiles(model, { appVersion: 3, pass: 'Nw7Secr3' }) }, transports, onEvent: (e) => events.push(e) });
    logs.push(JSON.stringify(report), ...events.map(formatEvent));
    const n2 = report.nodes.find((n) => n.node === 'n2')!;
    expect(n2.status).toBe('failed');
    expect(n2.error).toMatchObject({ code: 'apply-service-failed' });
    expect(n2.error!.message).toContain('`systemctl reload app` failed');
    expect(n2.files.map((f) => f.path)).toEqual(['/etc/hactl-test/app.conf']);
  });

  it('finds the runtime packages already installed and installs nothing', async () => {
    // scripts/setup installs keepalived on the host the lab nodes share; iptables-persistent it leaves out on purpose
    const withoutFirewall = await keepalivedModel(2, 'n1', { firewall: false });
    const report = await installPackages({ model: withoutFirewall, transports, dryRun: true });
    expect(report).toEqual([{ node: 'n1', wanted: ['keepalived'], missing: [] }, { node: 'n2', wanted: ['keepalived'], missing: [] }]);
  });

  it('never shows a secret in any plan, report or event log above', () => {
    const all = logs.join('\n');
    expect(all.length).toBeGreaterThan(1000);
    for (const secret of [VRRP_PASS, 'Nw7Secr3', AUTHKEY]) expect(all).not.toContain(secret);
  });
});
