import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { netnsPrefix } from '../../src/tool-check/throwaway-netns.js';
import { loadStack, loadStackData } from '../../src/load/load-stack.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import type { ClusterModel } from '../../src/model/model.js';
import type { RenderedFile, Renderer } from '../../src/render/artifact.js';
import { renderStack } from '../../src/render/render-stack.js';

export const env = { HACTL_AUTHKEY: 'a-shared-cluster-key', HACTL_VRRP_PASS: '1111' };
const root = join(import.meta.dirname, '..', '..');
const goldenRoot = join(root, 'test', 'golden');

export interface Variant {
  name: string;
  model: ClusterModel;
}

/** The stack's YAML as data; a file key becomes the test key so output does not depend on a generated file. */
export async function stackInput(name: string): Promise<ClusterInput> {
  const loaded = await loadStack(join(root, 'stacks', `${name}.yaml`));
  if (!loaded.input) throw new Error(`${name}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const input = structuredClone(loaded.input);
  if (input.auth?.keyFrom && 'file' in input.auth.keyFrom) input.auth.keyFrom = { env: 'HACTL_AUTHKEY' };
  return input;
}

export async function modelOf(input: ClusterInput): Promise<ClusterModel> {
  const loaded = await loadStackData('test.yaml', input);
  if (!loaded.model) throw new Error(`variant fails the schema: ${loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
  return loaded.model;
}

export const stackNames = (): string[] =>
  readdirSync(join(root, 'stacks'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();

/** Seed 002 on Debian 12 with what the seed lacks: a track script, nopreempt, unicast peers, a VRRPv3 instance. */
export async function vrrpModern(): Promise<ClusterInput> {
  const input = await stackInput('002-vrrp-keepalived');
  return {
    ...input,
    platform: 'debian12',
    nodes: {
      lb1: { nics: { eth0: '192.168.1.11/24', eth1: '10.0.1.11/24' } },
      lb2: { nics: { eth0: '192.168.1.12/24', eth1: '10.0.1.12/24' } },
    },
    keepalived: {
      ...input.keepalived,
      routerId: 'vrrp-lab',
      scripts: { chk_web: { script: '/usr/local/libexec/hactl/check-web.sh --quiet', interval: '2s', weight: -20, fall: 2, rise: 2 } },
    },
    vrrp: [
      { ...input.vrrp![0]!, track: ['chk_web'], nopreempt: true, unicast: true, garpMasterDelay: '5s' },
      {
        name: 'VI_2',
        interface: 'eth1',
        vrid: 52,
        version: 3,
        advertInt: '500ms',
        auth: { type: 'PASS', passFrom: { env: 'HACTL_VRRP_PASS' } },
        nodes: { lb1: { state: 'BACKUP', priority: 100 }, lb2: { state: 'MASTER', priority: 150 } },
        vips: ['10.0.1.100/24'],
        notify: { fault: '/usr/local/sbin/vip fault.sh' },
      },
    ],
  };
}

/** Seed 004 on Debian 12: corosync 3 with knet and crypto (authkey from the cluster key). */
export async function corosync3(transport: 'knet' | 'udpu' = 'knet'): Promise<ClusterInput> {
  const input = await stackInput('004-job-corosync-pacemaker');
  return {
    ...input,
    platform: 'debian12',
    pacemaker: { messaging: 'corosync', syntax: '2' },
    auth: { method: 'sha256', keyFrom: { env: 'HACTL_AUTHKEY' } },
    corosync: { version: 3, transport, interconnect: 'eth0', token: '3s' },
  };
}

/** Every stack in stacks/ plus the Debian 12 forms of the seeds. */
export async function allVariants(): Promise<Variant[]> {
  const variants: Variant[] = [];
  for (const name of stackNames()) variants.push({ name, model: await modelOf(await stackInput(name)) });
  variants.push({ name: '002-debian12', model: await modelOf(await vrrpModern()) });
  variants.push({ name: '003-debian12', model: await modelOf({ ...(await stackInput('003-drbd-heartbeat-crm')), platform: 'debian12', pacemaker: { messaging: 'heartbeat', syntax: '2' } }) });
  variants.push({ name: '004-debian12', model: await modelOf(await corosync3()) });
  variants.push({ name: '004-debian12-udpu', model: await modelOf(await corosync3('udpu')) });
  return variants;
}

export function render(model: ClusterModel, renderer: Renderer): RenderedFile[] {
  return renderStack(model, { renderers: [renderer], env, baseDir: tmpdir() }).files;
}

export function fileOf(files: readonly RenderedFile[], node: string, path: string): RenderedFile {
  const file = files.find((f) => f.node === node && f.path === path);
  if (!file) throw new Error(`no ${path} rendered for ${node}`);
  return file;
}

/** Compares with test/golden/<stack>/<node>/<path>; UPDATE_GOLDEN=1 rewrites the expected file. */
export function expectGolden(stack: string, file: RenderedFile): void {
  const path = join(goldenRoot, stack, file.node, file.path);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  expect(file.content, `golden ${path}`).toBe(readFileSync(path, 'utf8'));
}

/** Config lines without comments, blank lines or indentation: what "same directives and values" compares. */
export function directives(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*#.*$/, '').trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** Namespaces this test process created and did not delete. */
export function leftoverNetns(): string[] {
  const out = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter((n) => n.startsWith(netnsPrefix()));
}
