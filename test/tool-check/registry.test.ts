import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { writeOrder } from '../../src/apply/order.js';
import { checkerFor, checkers } from '../../src/tool-check/registry.js';
import { renderStack } from '../../src/render/render-stack.js';
import { allVariants, env } from '../render/render-variants.js';

describe('the checker registry', () => {
  it('has a checker for every file a renderer hands to one', async () => {
    const ids = new Set<string>();
    for (const { model } of await allVariants()) for (const f of renderStack(model, { env, baseDir: tmpdir() }).files) ids.add(f.checker ?? 'none');
    ids.delete('none');
    expect([...ids].filter((id) => !checkerFor(id))).toEqual([]);
    expect(checkers.map((c) => c.id).sort()).toEqual(expect.arrayContaining([...ids].sort()));
  });

  it("says which tools judge a staged file on the node: those that judge one file alone", () => {
    const onNode = Object.fromEntries(checkers.filter((c) => c.onNode).map((c) => [c.id, c.onNode!.tool]));
    expect(onNode).toEqual({ keepalived: 'keepalived -t', corosync: 'corosync -t', iptables: 'iptables-restore --test', cib: 'crm_verify', shell: 'sh -n' });
    expect(checkerFor('keepalived')!.onNode!.command("/etc/keepalived/it's.conf")).toBe("keepalived -t -e -f '/etc/keepalived/it'\\''s.conf'");
  });

  it('puts main configs after the scripts and plain files their tool may read', () => {
    expect(checkers.filter((c) => !c.writeLast).map((c) => c.id).sort()).toEqual(['hosts', 'shell', 'vagrant']);
    const items = ['heartbeat', 'none', 'crmsh', 'shell', 'drbd', 'hosts', 'agent'].map((checker, i) => ({ file: { path: `/f${i}`, checker: checker as never } }));
    expect(writeOrder(items).map((i) => i.file.checker)).toEqual(['none', 'shell', 'hosts', 'heartbeat', 'crmsh', 'drbd', 'agent']);
  });
});
