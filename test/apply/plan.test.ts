import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyStack } from '../../src/apply/apply.js';
import { formatPlan, formatPlanJson } from '../../src/apply/format-plan.js';
import { hasDrift, planFile, planStack, serviceSteps } from '../../src/apply/plan.js';
import type { ClusterModel } from '../../src/model/model.js';
import { AUTHKEY, fixtureFiles, keepalivedModel, VRRP_PASS } from './fixtures.js';
import { currentOwner, localNodes, ownedBy, recordingServices } from './local-nodes.js';

describe('a plan entry', () => {
  const file = { node: 'n1', path: '/etc/x', mode: '0644', owner: 'root:root', content: 'a\nb\n' };
  const live = (content: string, mode = '0644', owner = 'root:root') => ({ content: Buffer.from(content), mode, owner, mtimeMs: 0 });

  it('is a create with the whole file as the diff when the file is absent', () => {
    const p = planFile(file, undefined);
    expect(p.action).toBe('create');
    expect(p.diff).toContain('+a\n+b');
  });

  it('is unchanged when content, mode and owner match', () => {
    expect(planFile(file, live('a\nb\n')).action).toBe('unchanged');
    expect(planFile(file, live('a\nb\n')).diff).toBe('');
  });

  it('reports a mode-only or owner-only change without a content diff', () => {
    const p = planFile(file, live('a\nb\n', '0600', 'daemon:daemon'));
    expect(p).toMatchObject({ action: 'update', changes: ['mode', 'owner'] });
    expect(p.diff).toBe('mode 0600 -> 0644, owner daemon:daemon -> root:root');
  });

  it('shows a unified diff of an update', () => {
    const p = planFile(file, live('a\nc\n'));
    expect(p.diff).toContain('-c');
    expect(p.diff).toContain('+b');
    expect(p.diff).toContain('@@');
  });

  it('never shows or hashes the content of a secret file', () => {
    const secret = { ...file, secret: true, content: `auth_pass ${VRRP_PASS}\n` };
    const created = planFile(secret, undefined);
    const updated = planFile(secret, live('auth_pass oldpass1\n'));
    expect(created.diff).toBe(`(secret content, ${secret.content.length} bytes)`);
    expect(updated.diff).toBe(`(secret content changed, ${secret.content.length} bytes)`);
    const text = JSON.stringify([created, updated]);
    expect(text).not.toContain(VRRP_PASS);
    expect(text).not.toContain('oldpass1');
    expect(created.sha256).toBeUndefined();
    expect(updated.current?.sha256).toBeUndefined();
  });

  it('asks for a restart over a reload when two changed files of one service disagree', () => {
    const base = { action: 'update' as const, changes: [], mode: '0644', owner: 'root:root', size: 1, secret: false, diff: '' };
    const steps = serviceSteps([
      { ...base, path: '/a', service: { name: 'heartbeat', action: 'reload' } },
      { ...base, path: '/b', service: { name: 'heartbeat', action: 'restart' } },
      { ...base, path: '/c', action: 'unchanged', service: { name: 'app', action: 'restart' } },
      { ...base, path: '/d', service: { name: 'noop', action: 'none' } },
    ]);
    expect(steps).toEqual([{ service: 'heartbeat', action: 'restart', because: ['/a', '/b'] }]);
  });
});

describe('planStack over live nodes', () => {
  let model: ClusterModel;
  let nodes: ReturnType<typeof localNodes>;
  const owner = currentOwner();
  beforeEach(async () => {
    model = await keepalivedModel(2);
    nodes = localNodes(model);
  });
  afterEach(() => nodes.remove());

  it('plans every file as a create on empty nodes, cluster-wide files once, and redacts secrets in text and JSON', async () => {
    const files = ownedBy(fixtureFiles(model), owner);
    const plan = await planStack({ model, result: { files }, transports: nodes.transports });
    expect(plan.summary).toEqual({ create: 9, update: 0, unchanged: 0, conflict: 0, users: 0 });
    expect(plan.nodes.map((n) => [n.node, n.via])).toEqual([['n1', 'n1'], ['n2', 'n2'], ['_cluster', 'n1']]);
    expect(plan.nodes[0]!.services).toEqual([
      { service: 'keepalived', action: 'reload', because: ['/etc/keepalived/keepalived.conf'] },
      { service: 'heartbeat', action: 'restart', because: ['/etc/ha.d/authkeys'] },
      { service: 'app', action: 'reload', because: ['/etc/hactl-test/app.conf'] },
    ]);
    for (const text of [formatPlan(plan, { showUnchanged: true }), formatPlanJson(plan)]) {
      expect(text).not.toContain(VRRP_PASS);
      expect(text).not.toContain(AUTHKEY);
    }
    expect(hasDrift(plan)).toBe(true);
  });

  it('shows no drift after apply, and shows a hand edit on one node', async () => {
    const files = ownedBy(fixtureFiles(model), owner);
    const { controller } = recordingServices();
    await applyStack({ model, result: { files }, transports: nodes.transports, services: controller });
    const clean = await planStack({ model, result: { files }, transports: nodes.transports });
    expect(hasDrift(clean)).toBe(false);
    expect(formatPlan(clean)).toContain('No changes');

    await nodes.transports.get('n2')!.exec(`echo 'version = 99' >> '${nodes.transports.get('n2')!.commandPath('/etc/hactl-test/app.conf')}'`);
    const drift = await planStack({ model, result: { files }, transports: nodes.transports });
    expect(hasDrift(drift)).toBe(true);
    const changed = drift.nodes.flatMap((n) => n.files.filter((f) => f.action !== 'unchanged').map((f) => `${n.node}:${f.path}`));
    expect(changed).toEqual(['n2:/etc/hactl-test/app.conf']);
    expect(formatPlan(drift)).toContain('-version = 99');
  });
});
