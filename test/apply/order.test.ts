import { afterEach, describe, expect, it } from 'vitest';
import { applyStack } from '../../src/apply/apply.js';
import { primaryNodes, writeOrder } from '../../src/apply/order.js';
import { fixtureFiles, keepalivedModel } from './fixtures.js';
import { currentOwner, localNodes, ownedBy, recordingServices } from './local-nodes.js';

describe('service order', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('counts keepalived MASTERs as primaries', async () => {
    expect([...primaryNodes(await keepalivedModel(3, 'n2'))]).toEqual(['n2']);
  });

  it.each([1, 2, 8])('reloads keepalived on every BACKUP before the MASTER (concurrency %i)', async (concurrency) => {
    const model = await keepalivedModel(4, 'n1');
    const nodes = localNodes(model);
    cleanup = nodes.remove;
    const { controller, calls } = recordingServices();
    const files = ownedBy(fixtureFiles(model), currentOwner());
    const report = await applyStack({ model, result: { files }, transports: nodes.transports, services: controller, concurrency });
    expect(report.ok).toBe(true);
    const keepalived = calls.filter((c) => c.service === 'keepalived').map((c) => c.node);
    expect(keepalived).toHaveLength(4);
    expect(keepalived.at(-1)).toBe('n1');
  });

  it('writes plain files and scripts before the configs whose tool checks them', () => {
    const items = [
      { file: { path: '/etc/keepalived/keepalived.conf', checker: 'keepalived' as const } },
      { file: { path: '/etc/keepalived/notify.sh', checker: 'shell' as const } },
      { file: { path: '/etc/hosts', checker: undefined } },
    ];
    expect(writeOrder(items).map((i) => i.file.path)).toEqual(['/etc/hosts', '/etc/keepalived/notify.sh', '/etc/keepalived/keepalived.conf']);
  });

  it('puts corosync\'s authkey in place before corosync.conf, whose check reads it, whatever their names', () => {
    const items = [
      { file: { path: '/etc/corosync/corosync.conf', checker: 'corosync' as const } },
      { file: { path: '/etc/corosync/authkey', checker: 'corosync' as const } },
    ];
    expect(writeOrder(items).map((i) => i.file.path)).toEqual(['/etc/corosync/authkey', '/etc/corosync/corosync.conf']);
  });
});
