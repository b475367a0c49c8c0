import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { HactlError } from '../../src/diagnostics/index.js';
import { loadStackData } from '../../src/load/load-stack.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import type { ClusterModel } from '../../src/model/model.js';
import { renderStack } from '../../src/render/render-stack.js';
import { corosync3, env, stackInput, stackNames, vrrpModern } from './render-variants.js';

const MARK = 'INJECTED';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every string in the stack and every key of a map, each as a way to put `text` there instead. */
function places(value: Json, path: string[] = []): { where: string; put: (root: Json, text: string) => void }[] {
  const out: { where: string; put: (root: Json, text: string) => void }[] = [];
  const at = (root: Json, p: string[]) => p.reduce<Json>((node, k) => (node as Record<string, Json>)[k]!, root);
  if (typeof value === 'string') {
    out.push({ where: path.join('.'), put: (root, text) => ((at(root, path.slice(0, -1)) as Record<string, Json>)[path.at(-1)!] = value + text) });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...places(v, [...path, String(i)])));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(...places(v, [...path, k]));
      out.push({
        where: `${path.join('.')}{key ${k}}`,
        put: (root, text) => {
          const parent = at(root, path) as Record<string, Json>;
          parent[k + text] = parent[k]!;
          delete parent[k];
        },
      });
    }
  }
  return out;
}

/** A file's own content is the stack author's file, written as given; everything else must stay where it was put. */
const verbatim = (where: string) => /^files\.\d+\.content$/.test(where);

async function inputs(): Promise<[string, ClusterInput][]> {
  const list: [string, ClusterInput][] = [];
  for (const name of stackNames()) list.push([name, await stackInput(name)]);
  list.push(['002-debian12', await vrrpModern()], ['004-debian12', await corosync3()]);
  return list;
}

describe('a line break in any stack value', async () => {
  const stacks = await inputs();

  it.each(stacks)('never starts a line of its own in a file rendered from %s', async (_name, input) => {
    const leaks: string[] = [];
    for (const { where, put } of places(input as unknown as Json)) {
      if (verbatim(where)) continue;
      const hostile = structuredClone(input) as unknown as Json;
      put(hostile, `\n${MARK} x`);
      const loaded = await loadStackData('stack.yaml', hostile);
      if (!loaded.model) continue;
      try {
        const { files } = renderStack(loaded.model, { env, baseDir: tmpdir() });
        for (const f of files) if (f.content.split('\n').some((l) => l.trimStart().startsWith(MARK))) leaks.push(`${where} -> ${f.node}:${f.path}`);
      } catch (e) {
        if (!(e instanceof HactlError)) throw e;
        expect(e.code, `${where}: ${e.message}`).toBe('render-unsafe-value');
      }
    }
    expect(leaks).toEqual([]);
  });

  // The schema refuses control characters in paths too; the renderers' own check is the second line of defence for
  // models built without the schema (a library caller, a later translation step).
  it('is also stopped by the renderers when a model carries it past the schema (paths)', async () => {
    const refused: string[] = [];
    for (const [name, mutate] of [
      ['000-memcached-heartbeat', (m: ClusterModel) => { m.heartbeat!.logfile = `/var/log/ha-log\n${MARK} respawn root /tmp/x`; }],
      ['002-vrrp-keepalived', (m: ClusterModel) => { m.vrrp[0]!.notify.master = `/etc/keepalived/m.sh\n${MARK} notify_backup /tmp/x`; }],
    ] as const) {
      const loaded = await loadStackData('stack.yaml', await stackInput(name));
      const model = structuredClone(loaded.model!);
      mutate(model);
      try {
        renderStack(model, { env, baseDir: tmpdir() });
      } catch (e) {
        if (e instanceof HactlError && e.code === 'render-unsafe-value') refused.push(name);
      }
    }
    expect(refused).toEqual(['000-memcached-heartbeat', '002-vrrp-keepalived']);
  });
});
