import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStack } from '../../src/apply/apply.js';
import type { ApplyEvent } from '../../src/apply/events.js';
import { formatPlan } from '../../src/apply/format-plan.js';
import { hasDrift, planStack, refusesAny } from '../../src/apply/plan.js';
import { ensureUsers } from '../../src/apply/users.js';
import { provisionMachines } from '../../src/provider/vagrant/provision-machines.js';
import type { RenderResult } from '../../src/render/render-stack.js';
import type { ClusterModel } from '../../src/model/model.js';
import type { RenderedFile } from '../../src/render/artifact.js';
import { closeTransports, openTransports } from '../../src/transport/open-transports.js';
import type { Transport } from '../../src/transport/transport.js';
import { missing } from '../support/env.js';
import { createSshLab, type SshLab } from '../transport/support/ssh-lab.js';
import { fixtureFiles, keepalivedModel } from './fixtures.js';
import { recordingServices } from './local-nodes.js';

const skip = missing({ root: true, tools: ['sshd', 'ip', 'nsenter', 'ssh-keygen', 'useradd', 'groupadd', 'getent'] });

// Seed 001 pins tomcat at uid 700; these names and ids are unlikely on any host the lab copies /etc from.
const USERS = [
  { name: 'hactlsvc', uid: 7701, gid: 7711, shell: '/usr/sbin/nologin' },
  { name: 'hactlweb', uid: 7702, home: '/var/lib/hactlweb' },
];

describe.skipIf(skip)('the stack\'s users on two lab nodes over SSH', () => {
  let env: SshLab;
  let model: ClusterModel;
  let transports: Map<string, Transport>;

  beforeAll(async () => {
    env = await createSshLab('tusers', 2);
    model = await keepalivedModel(2, 'n1', { users: USERS });
    transports = await openTransports(model, { overrides: env.overrides, knownHostsFiles: [env.knownHosts], agent: '' });
  });
  afterAll(async () => {
    if (transports) await closeTransports(transports.values());
    await env?.destroy();
  });

  // a file owned by a declared user: apply must create the user before it writes the file
  const files = (m: ClusterModel): RenderedFile[] => [
    ...fixtureFiles(m),
    ...m.nodes.map((n) => ({ node: n.name, path: '/etc/hactl-test/web.conf', mode: '0640', owner: 'hactlweb:hactlweb', content: 'web\n' })),
  ];
  const apply = async (m: ClusterModel) => {
    const events: ApplyEvent[] = [];
    const report = await applyStack({ model: m, result: { files: files(m) }, transports, services: recordingServices().controller, onEvent: (e) => events.push(e) });
    return { report, events };
  };
  const sh = async (node: string, script: string) => (await env.lab.exec(node, ['sh', '-c', script])).stdout.trim();

  it('plan shows every missing user as a step on every node', async () => {
    const plan = await planStack({ model, result: { files: files(model) }, transports });
    expect(plan.summary.users).toBe(4);
    expect(plan.nodes.filter((n) => n.scope === 'node').map((n) => n.users.map((u) => `${u.name}:${u.action}`))).toEqual([
      ['hactlsvc:create', 'hactlweb:create'], ['hactlsvc:create', 'hactlweb:create'],
    ]);
    expect(formatPlan(plan)).toContain('+ user hactlsvc (uid 7701 gid 7711)  create');
    expect(formatPlan(plan)).toContain('users to create: hactlsvc on n1, hactlweb on n1, hactlsvc on n2, hactlweb on n2');
  });

  it('apply creates them with their pinned ids, shell and home, before the files they own', async () => {
    const { report, events } = await apply(model);
    expect(report.ok).toBe(true);
    expect(report.nodes.map((n) => n.users)).toEqual([['hactlsvc', 'hactlweb'], ['hactlsvc', 'hactlweb'], []]);
    expect(events.flatMap((e) => (e.type === 'user-created' ? [`${e.node}:${e.user}:${e.uid}`] : [])).sort())
      .toEqual(['n1:hactlsvc:7701', 'n1:hactlweb:7702', 'n2:hactlsvc:7701', 'n2:hactlweb:7702']);
    for (const node of ['n1', 'n2']) {
      expect(await sh(node, 'getent passwd hactlsvc hactlweb | cut -d: -f1,3,6,7')).toBe('hactlsvc:7701:/home/hactlsvc:/usr/sbin/nologin\nhactlweb:7702:/var/lib/hactlweb:/bin/sh');
      expect(await sh(node, 'getent group hactlsvc | cut -d: -f1,3; id -g hactlsvc; id -gn hactlweb')).toBe('hactlsvc:7711\n7711\nhactlweb');
      expect(await sh(node, 'stat -c %U:%G /etc/hactl-test/web.conf')).toBe('hactlweb:hactlweb');
    }
  });

  it('a second apply creates nothing, and plan shows no drift', async () => {
    const passwd = await sh('n1', 'md5sum /etc/passwd /etc/group /etc/shadow');
    const { report, events } = await apply(model);
    expect(report).toMatchObject({ ok: true, changed: false });
    expect(events.filter((e) => e.type === 'user-created')).toEqual([]);
    const plan = await planStack({ model, result: { files: files(model) }, transports });
    expect(hasDrift(plan)).toBe(false);
    expect(plan.nodes[0]!.users.map((u) => u.action)).toEqual(['present', 'present']);
    expect(await sh('n1', 'md5sum /etc/passwd /etc/group /etc/shadow')).toBe(passwd);
    expect((await ensureUsers({ model, transports })).map((r) => r.created)).toEqual([[], []]);
  });

  it('refuses a node where the name has another uid or the uid another name, and changes nothing there', async () => {
    await sh('n2', 'useradd -M -u 7703 hactlold && echo "# hand edit" >> /etc/hactl-test/web.conf');
    const web = await sh('n2', 'cat /etc/hactl-test/web.conf');
    const clashing = await keepalivedModel(2, 'n1', { users: [...USERS, { name: 'hactlold', uid: 7704 }, { name: 'hactlnew', uid: 7703 }] });
    const plan = await planStack({ model: clashing, result: { files: files(clashing) }, transports });
    expect(refusesAny(plan)).toBe(true);
    expect(plan.nodes[1]!.users.map((u) => `${u.name}:${u.action}`)).toEqual(['hactlsvc:present', 'hactlweb:present', 'hactlold:clash', 'hactlnew:clash']);
    expect(formatPlan(plan)).toMatch(/! user hactlold \(uid 7704\)\s+clash: user hactlold has uid 7703, not 7704, on n2/);
    expect(formatPlan(plan)).toMatch(/! user hactlnew \(uid 7703\)\s+clash: uid 7703 belongs to hactlold on n2/);
    const { report } = await apply(clashing);
    expect(report.nodes.find((n) => n.node === 'n2')).toMatchObject({ status: 'failed', error: { code: 'apply-user-clash' } });
    expect(report.nodes.find((n) => n.node === 'n1')?.users).toEqual(['hactlold', 'hactlnew']);
    expect(await sh('n2', 'cat /etc/hactl-test/web.conf; getent passwd hactlnew || echo none; id -u hactlold')).toBe(`${web}\nnone\n7703`);
    await expect(ensureUsers({ model: clashing, transports })).rejects.toMatchObject({ code: 'apply-user-clash', node: 'n2' });
  });

  it("hactl's Vagrant provisioner creates them on every machine too, and a second provision creates nothing", async () => {
    const vagrantModel = await keepalivedModel(2, 'n1', { firewall: false, users: [{ name: 'hactlvag', uid: 7706, shell: '/bin/sh' }] });
    // files without services: the lab nodes have no init system for services.sh to drive
    const plain = vagrantModel.nodes.map((n) => ({ node: n.name, path: '/etc/hactl-test/vagrant.conf', mode: '0644', owner: 'hactlvag', content: 'v\n' }));
    const provision = () => provisionMachines({
      model: vagrantModel, rendered: { files: plain, manifest: [] } as unknown as RenderResult,
      transports, emit: () => undefined, timings: {},
    });
    await provision();
    for (const node of ['n1', 'n2']) expect(await sh(node, 'id -u hactlvag; stat -c %U /etc/hactl-test/vagrant.conf')).toBe('7706\nhactlvag');
    const again = await provision();
    expect(again.nodes.map((n) => [n.users, n.status])).toEqual([[[], 'unchanged'], [[], 'unchanged']]);
  });
});
