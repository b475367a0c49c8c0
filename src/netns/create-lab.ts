import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { destroyLab } from './destroy-lab.js';
import { Lab } from './lab.js';
import { layoutNetns, resolveLayout } from './layout.js';
import { labDir, labNetnsPrefix, NETNS_DIR, nsDir, sshDir } from './names.js';
import { addNamespaces, buildNetwork } from './network.js';
import { createNodeNamespaces } from './node-namespaces.js';
import { prepareNodeRoot } from './node-root.js';
import { waitUntilConnected } from './readiness.js';
import { run } from './run.js';
import { hactlPaths, hiddenIn } from './shared-paths.js';
import type { LabSpec } from './spec.js';
import { initialState, updateState, writeState } from './state.js';

export interface CreateLabOptions {
  /** how long every member may take to reach all its peers; default 10 s */
  readyTimeoutMs?: number;
}

function leftovers(name: string): boolean {
  const prefix = labNetnsPrefix(name);
  return existsSync(labDir(name)) || (existsSync(NETNS_DIR) && readdirSync(NETNS_DIR).some((n) => n.startsWith(prefix)));
}

// Waits for every step even when one fails: the teardown that follows must not race a step still creating things.
async function settleAll(steps: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(steps)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function build(spec: LabSpec, opts: CreateLabOptions): Promise<void> {
  const layout = resolveLayout(spec);
  const dir = labDir(spec.name);
  // A private tmpfs: node files are copied fast and vanish with the lab, and private propagation is what lets
  // namespace files be bind-mounted inside it (the kernel refuses on a shared mount).
  mkdirSync(dir, { recursive: true });
  await run(['mount', '-t', 'tmpfs', '-o', 'mode=0755', `hactl-lab-${spec.name}`, dir]);
  await run(['mount', '--make-private', dir]);
  writeState({ ...initialState(spec), hostMounts: [dir] });
  mkdirSync(nsDir(spec.name), { mode: 0o700 });
  mkdirSync(sshDir(spec.name), { mode: 0o700 });

  const netns = layoutNetns(layout);
  updateState(spec.name, (s) => s.netns.push(...netns));
  const isolated = layout.members.filter((m) => m.isolateFs);
  await settleAll([
    (async () => {
      await addNamespaces(netns);
      await buildNetwork(layout);
    })(),
    ...isolated.map((m) => prepareNodeRoot(layout, m)),
  ]);
  const hactlFiles = hactlPaths();
  const shared = new Map(isolated.map((m) => [m.name, hiddenIn(m, hactlFiles)]));
  updateState(spec.name, (s) => {
    s.sharedPaths = [...new Set([...shared.values()].flat().map((p) => p.path))];
  });
  await settleAll(isolated.map((m) => createNodeNamespaces(layout, m, shared.get(m.name))));
  await waitUntilConnected(layout, opts.readyTimeoutMs ?? 10_000);
}

/**
 * Builds the lab and returns once every member reaches every peer. A lab of the same name left by a crash is
 * torn down first; a failure half-way tears down what was built before rethrowing.
 */
export async function createLab(spec: LabSpec, opts: CreateLabOptions = {}): Promise<Lab> {
  const lab = new Lab(spec);
  if (leftovers(spec.name)) await destroyLab(spec.name);
  try {
    await build(spec, opts);
  } catch (err) {
    await destroyLab(spec.name).catch(() => undefined);
    throw err;
  }
  return lab;
}
