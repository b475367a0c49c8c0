import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLab, destroyLab, LAB_BASE_DIR, openLab } from '../../src/netns/index.js';
import { mountsUnder } from '../../src/netns/mounts.js';
import { namespaceKey, isRunning, processStartTime } from '../../src/netns/proc.js';
import { missing } from '../support/env.js';
import { abandonLab } from './abandon-lab.js';
import { LAB_TOOLS, twoNodeSpec } from './two-node-spec.js';

const skip = missing({ root: true, tools: [...LAB_TOOLS, 'sshd', 'ssh-keygen'] });

const hostLinks = (): string => execFileSync('ip', ['-br', 'link', 'show'], { encoding: 'utf8' });
const labNetns = (name: string): string[] =>
  (existsSync('/run/netns') ? readdirSync('/run/netns') : []).filter((n) => n.startsWith(`hactl-${name}.`));

function snapshot(name: string) {
  return {
    links: hostLinks(),
    netns: labNetns(name),
    labDirExists: existsSync(`${LAB_BASE_DIR}/${name}`),
    mounts: mountsUnder(`${LAB_BASE_DIR}/${name}`),
  };
}

function processesIn(nsKeys: Set<string>): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number).filter((pid) =>
    ['net', 'mnt', 'uts'].some((k) => nsKeys.has(namespaceKey(`/proc/${pid}/ns/${k}`) ?? '')));
}

describe.skipIf(skip)('lab cleanup', () => {
  it('puts host links, namespaces, mounts and the state dir back as they were', async () => {
    const name = 'tclean';
    await destroyLab(name);
    const before = snapshot(name);
    const lab = await createLab(twoNodeSpec(name));
    let pids: number[] = [];
    let nsKeys = new Set<string>();
    try {
      pids = [lab.spawn('n1', ['sleep', '600']).pid, (await lab.startSshd('n1')).pid];
      // an untracked grandchild: only the namespace sweep can find it
      await lab.exec('n2', ['sh', '-c', 'setsid sleep 600 >/dev/null 2>&1 < /dev/null &']);
      nsKeys = new Set(labNetns(name).map((n) => namespaceKey(`/run/netns/${n}`)!));
      expect(processesIn(nsKeys).length).toBeGreaterThanOrEqual(3);
      expect(labNetns(name)).toHaveLength(5);
      expect(hostLinks()).toBe(before.links);
    } finally {
      const report = await lab.destroy();
      expect(report.existed).toBe(true);
    }
    expect(snapshot(name)).toEqual({ ...before, labDirExists: false, mounts: [] });
    expect(processesIn(nsKeys)).toEqual([]);
    for (const pid of pids) expect(isRunning({ pid, startTime: processStartTime(pid) ?? 'gone' })).toBe(false);
  });

  it('destroys a lab whose creator was SIGKILLed, and a second destroy is a no-op', async () => {
    const name = 'tcrash';
    try {
      const pids = await abandonLab(name);
      expect(labNetns(name)).toHaveLength(5);
      for (const pid of pids) expect(existsSync(`/proc/${pid}`)).toBe(true);
      expect((await openLab(name).exec('n1', ['hostname'])).stdout).toBe('n1');

      const first = await destroyLab(name);
      expect(first.existed).toBe(true);
      expect(first.killed).toEqual(expect.arrayContaining(pids));
      expect(labNetns(name)).toEqual([]);
      expect(existsSync(`${LAB_BASE_DIR}/${name}`)).toBe(false);

      const second = await destroyLab(name);
      expect(second).toEqual({ existed: false, killed: [], netns: [] });
    } finally {
      await destroyLab(name);
    }
  });

  it('replaces a stale lab of the same name on create', async () => {
    const name = 'tstale';
    const old = await createLab(twoNodeSpec(name));
    const oldDaemon = old.spawn('n1', ['sleep', '600']);
    const oldStart = processStartTime(oldDaemon.pid)!;
    const lab = await createLab(twoNodeSpec(name));
    try {
      expect(isRunning({ pid: oldDaemon.pid, startTime: oldStart })).toBe(false);
      expect((await lab.exec('client', ['ping', '-c1', '-W1', lab.addressOf('n1', 'service')])).exitCode).toBe(0);
    } finally {
      await lab.destroy();
    }
  });

  it('finishes a destroy when part of the lab is already gone', async () => {
    const name = 'tpartial';
    const lab = await createLab(twoNodeSpec(name));
    execFileSync('ip', ['netns', 'delete', `hactl-${name}.n2`]);
    await lab.destroy();
    expect(labNetns(name)).toEqual([]);
    expect(existsSync(`${LAB_BASE_DIR}/${name}`)).toBe(false);
  });

  it('tears down what it built when creation fails half-way', async () => {
    const name = 'tfail';
    const spec = twoNodeSpec(name);
    spec.nodes[1]!.privateDirs = ['/usr/bin/env/cannot-be-a-directory'];
    await expect(createLab(spec)).rejects.toMatchObject({ code: 'lab-command-failed' });
    expect(labNetns(name)).toEqual([]);
    expect(existsSync(`${LAB_BASE_DIR}/${name}`)).toBe(false);
    expect(() => openLab(name)).toThrowError(expect.objectContaining({ code: 'lab-not-found' }));
  });
});
