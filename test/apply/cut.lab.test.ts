import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStack } from '../../src/apply/apply.js';
import { hasDrift, planStack } from '../../src/apply/plan.js';
import type { ClusterModel } from '../../src/model/model.js';
import type { RenderedFile } from '../../src/render/artifact.js';
import { closeTransports, openTransports } from '../../src/transport/open-transports.js';
import { missing } from '../support/env.js';
import { createSshLab, type SshLab } from '../transport/support/ssh-lab.js';
import { fixtureFiles, keepalivedModel } from './fixtures.js';
import { recordingServices } from './local-nodes.js';

const skip = missing({ root: true, tools: ['sshd', 'ip', 'nsenter', 'ssh-keygen'] });
const BIG = '/etc/hactl-test/big.bin';
const BIG_SIZE = 12 * 1024 * 1024;

/** Version v of every file: the fixture's files plus a large one, so the cut lands mid-transfer. */
function version(model: ClusterModel, v: number): RenderedFile[] {
  const big = model.nodes.map((n): RenderedFile => ({
    node: n.name, path: BIG, mode: '0644', owner: 'root:root', content: String(v).repeat(BIG_SIZE),
  }));
  return [...fixtureFiles(model, { appVersion: v, pass: `Pw${v}xyzab` }), ...big];
}

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // already gone
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

async function waitForPartialTemp(dir: string, deadlineMs: number): Promise<string> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      const tmp = readdirSync(dir).find((f) => f.startsWith('big.bin.hactl-tmp-'));
      if (tmp && statSync(join(dir, tmp)).size > 2 * 1024 * 1024) return tmp;
    } catch {
      // directory not there yet
    }
    await sleep(5);
  }
  throw new Error(`no temp file of ${BIG} grew in ${dir} within ${deadlineMs} ms`);
}

describe.skipIf(skip)('a connection cut in the middle of an apply', () => {
  let env: SshLab;
  let model: ClusterModel;

  beforeAll(async () => {
    env = await createSshLab('tcut', 2);
    model = await keepalivedModel(2);
  });
  afterAll(async () => {
    await env?.destroy();
  });

  const connect = () => openTransports(model, { overrides: env.overrides, knownHostsFiles: [env.knownHosts], agent: '', keepaliveIntervalMs: 1_000 });
  const applyVersion = async (v: number, transports: Awaited<ReturnType<typeof connect>>) =>
    applyStack({ model, result: { files: version(model, v) }, transports, services: recordingServices().controller });

  /** Every managed file on the node is exactly version `a` or exactly version `b`. */
  function expectOldOrNew(node: string, a: number, b: number): void {
    const root = env.lab.nodeRoot(node);
    const [old, next] = [version(model, a), version(model, b)].map((files) => new Map(files.filter((f) => f.node === node).map((f) => [f.path, f.content])));
    for (const [path, content] of next!) {
      const live = readFileSync(join(root, path), 'utf8');
      expect(live === content || live === old!.get(path), `${node}:${path} is neither old nor new (${live.length} bytes)`).toBe(true);
    }
  }

  async function converge(v: number): Promise<void> {
    const transports = await connect();
    try {
      const report = await applyVersion(v, transports);
      expect(report.ok, JSON.stringify(report.nodes.map((n) => n.error))).toBe(true);
      expect(hasDrift(await planStack({ model, result: { files: version(model, v) }, transports }))).toBe(false);
    } finally {
      await closeTransports(transports.values());
    }
    for (const node of env.nodes) {
      const dirs = ['/etc/hactl-test', '/etc/keepalived', '/etc/ha.d'].map((d) => join(env.lab.nodeRoot(node), d));
      expect(dirs.flatMap((d) => readdirSync(d).filter((f) => f.includes('.hactl-tmp-')))).toEqual([]);
    }
  }

  it('killing the sshd session mid-transfer leaves old or new files, never partial, and a re-run converges', async () => {
    await converge(1);
    const transports = await connect();
    try {
      const running = applyVersion(2, transports);
      await waitForPartialTemp(join(env.lab.nodeRoot('n1'), 'etc/hactl-test'), 30_000);
      for (const pid of descendants(env.sshd.get('n1')!.pid)) process.kill(pid, 'SIGKILL');
      const report = await running;
      const n1 = report.nodes.find((n) => n.node === 'n1')!;
      expect(n1.status).toBe('failed');
      expect(n1.error?.message).toContain('n1');
      expect(report.nodes.find((n) => n.node === '_cluster')?.status).toBe('skipped');
    } finally {
      await closeTransports(transports.values());
    }
    expectOldOrNew('n1', 1, 2);
    await converge(2);
  });

  it('a link going down mid-transfer is noticed by keepalives, leaves old or new files, and a re-run converges', async () => {
    const transports = await connect();
    try {
      const running = applyVersion(3, transports);
      await waitForPartialTemp(join(env.lab.nodeRoot('n2'), 'etc/hactl-test'), 30_000);
      await env.lab.setLink('n2', 'eth0', 'down', { at: 'switch' });
      const started = Date.now();
      const report = await running;
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(report.nodes.find((n) => n.node === 'n2')?.error?.code).toMatch(/ssh-connection-lost|apply-rollback-failed/);
    } finally {
      await env.lab.setLink('n2', 'eth0', 'up', { at: 'switch' });
      await closeTransports(transports.values());
    }
    expectOldOrNew('n2', 2, 3);
    await converge(3);
  });
});
