import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyStack } from '../../src/apply/apply.js';
import type { ApplyEvent } from '../../src/apply/events.js';
import { formatEvent } from '../../src/apply/format-event.js';
import { formatPlan } from '../../src/apply/format-plan.js';
import { planStack } from '../../src/apply/plan.js';
import type { ClusterModel } from '../../src/model/model.js';
import { missing } from '../support/env.js';
import { AUTHKEY, fixtureFiles, keepalivedModel, VRRP_PASS, type FixtureOptions } from './fixtures.js';
import { currentOwner, localNodes, ownedBy, recordingServices } from './local-nodes.js';

describe('apply to local node directories', () => {
  let model: ClusterModel;
  let nodes: ReturnType<typeof localNodes>;
  const owner = currentOwner();
  const files = (opts: FixtureOptions = {}) => ownedBy(fixtureFiles(model, opts), owner);
  const apply = async (opts: FixtureOptions = {}) => {
    const events: ApplyEvent[] = [];
    const services = recordingServices();
    const report = await applyStack({
      model, result: { files: files(opts) }, transports: nodes.transports, services: services.controller,
      onEvent: (e) => events.push(e), backupSuffix: { day: '20250102', stamp: '20250102-030405' },
    });
    return { report, events, calls: services.calls };
  };
  const live = (node: string, path: string): string => readFileSync(join(nodes.root, node, path), 'utf8');

  beforeEach(async () => {
    model = await keepalivedModel(2);
    nodes = localNodes(model);
  });
  afterEach(() => nodes.remove());

  it('a second apply with no change writes nothing and reloads nothing', async () => {
    const first = await apply();
    expect(first.report.ok).toBe(true);
    const mtimes = readdirSync(join(nodes.root, 'n1/etc/keepalived')).map((f) => statSync(join(nodes.root, 'n1/etc/keepalived', f)).mtimeMs);
    const second = await apply();
    expect(second.report).toMatchObject({ ok: true, changed: false });
    expect(second.calls).toEqual([]);
    expect(second.events.filter((e) => e.type === 'file-written')).toEqual([]);
    expect(readdirSync(join(nodes.root, 'n1/etc/keepalived')).map((f) => statSync(join(nodes.root, 'n1/etc/keepalived', f)).mtimeMs)).toEqual(mtimes);
  });

  it.skipIf(missing({ tools: ['keepalived'] }))('rolls back the node when keepalived -t rejects its config, naming node, file and tool', async () => {
    await apply();
    const { report, events } = await apply({ appVersion: 2, brokenConfOn: 'n2', pass: 'Zz9NewPw' });
    const n2 = report.nodes.find((n) => n.node === 'n2')!;
    expect(n2.status).toBe('failed');
    expect(n2.error).toMatchObject({ code: 'apply-check-failed', path: '/etc/keepalived/keepalived.conf', tool: 'keepalived -t' });
    expect(n2.error!.message).toContain('no_such_keyword_here');
    expect(n2.error!.message).not.toContain('Zz9NewPw');
    expect(live('n2', '/etc/hactl-test/app.conf')).toContain('version = 1');
    expect(events).toContainEqual({ type: 'file-rolled-back', node: 'n2', path: '/etc/hactl-test/app.conf' });
    expect(live('n1', '/etc/hactl-test/app.conf')).toContain('version = 2');
    expect(report.nodes.find((n) => n.node === '_cluster')?.status).toBe('skipped');
  });

  it('refuses a script that sh -n rejects before it goes live', async () => {
    await apply();
    const { report } = await apply({ brokenScriptOn: 'n1' });
    expect(report.nodes.find((n) => n.node === 'n1')?.error).toMatchObject({ code: 'apply-check-failed', path: '/etc/keepalived/notify.sh', tool: 'sh -n' });
    expect(live('n1', '/etc/keepalived/notify.sh')).not.toContain('if then');
  });

  it('never puts secrets into events or their text', async () => {
    const { events } = await apply();
    await apply({ pass: 'Qq1OtherP' }).then((r) => events.push(...r.events));
    const log = `${JSON.stringify(events)}\n${events.map(formatEvent).join('\n')}`;
    for (const secret of [VRRP_PASS, 'Qq1OtherP', AUTHKEY]) expect(log).not.toContain(secret);
  });

  it('refuses a node with a linked file before writing anything there, and plan shows the conflict without its content', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'hactl-elsewhere-'));
    try {
      writeFileSync(join(elsewhere, 'app.conf'), 'NOT-HACTLS\n');
      mkdirSync(join(nodes.root, 'n2/etc/hactl-test'), { recursive: true });
      symlinkSync(join(elsewhere, 'app.conf'), join(nodes.root, 'n2/etc/hactl-test/app.conf'));
      const plan = await planStack({ model, result: { files: files() }, transports: nodes.transports });
      const n2 = plan.nodes.find((n) => n.node === 'n2')!;
      expect(n2.files.find((f) => f.path === '/etc/hactl-test/app.conf')).toMatchObject({ action: 'conflict', conflict: { kind: 'symlink' } });
      expect(plan.summary.conflict).toBe(1);
      expect(formatPlan(plan)).not.toContain('NOT-HACTLS');
      const { report } = await apply();
      expect(report.nodes.find((n) => n.node === 'n2')).toMatchObject({ status: 'failed', error: { code: 'apply-path-conflict', path: '/etc/hactl-test/app.conf' } });
      expect(existsSync(join(nodes.root, 'n2/etc/keepalived'))).toBe(false);
      expect(readFileSync(join(elsewhere, 'app.conf'), 'utf8')).toBe('NOT-HACTLS\n');
      expect(report.nodes.find((n) => n.node === 'n1')?.status).toBe('changed');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
