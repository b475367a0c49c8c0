import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadStack, loadStackData } from '../../src/load/load-stack.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import type { ClusterModel } from '../../src/model/model.js';
import { renderStack, type RenderResult } from '../../src/render/render-stack.js';

export const root = join(import.meta.dirname, '..', '..');
export const env = { HACTL_AUTHKEY: 'a-shared-cluster-key', HACTL_VRRP_PASS: '1111' };

/** A two-node keepalived stack on Vagrant, small enough to vary one field per test. */
export function twoNodes(overrides: Partial<ClusterInput> = {}): ClusterInput {
  return {
    cluster: 'vt',
    runtime: 'keepalived',
    platform: 'debian12',
    nodes: {
      lb1: { nics: { eth1: '10.231.9.11/24' }, forwardedPorts: [{ id: 'ssh', guest: 22, host: 2122 }] },
      lb2: { nics: { eth1: '10.231.9.12/24' }, forwardedPorts: [{ id: 'ssh', guest: 22, host: 2222 }] },
    },
    vrrp: [{
      name: 'VI_1', interface: 'eth1', vrid: 51,
      nodes: { lb1: { state: 'MASTER', priority: 150 }, lb2: { state: 'BACKUP', priority: 100 } },
      vips: ['10.231.9.10'],
    }],
    vagrant: { provider: 'libvirt' },
    ...overrides,
  };
}

export async function modelOf(input: ClusterInput): Promise<ClusterModel> {
  const loaded = await loadStackData('test.yaml', input);
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; '));
  return loaded.model;
}

export async function stackModel(file: string): Promise<ClusterModel> {
  const loaded = await loadStack(join(root, 'stacks', file));
  if (!loaded.model) throw new Error(`${file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.model;
}

/** Every stack in stacks/ that has a `vagrant:` section. */
export async function vagrantStacks(): Promise<{ file: string; model: ClusterModel }[]> {
  const files = readdirSync(join(root, 'stacks')).filter((f) => f.endsWith('.yaml')).sort();
  const models = await Promise.all(files.map(async (file) => ({ file, model: await stackModel(file) })));
  return models.filter((m) => m.model.vagrant !== undefined);
}

export function render(model: ClusterModel): RenderResult {
  return renderStack(model, { env, baseDir: join(root, 'stacks') });
}
