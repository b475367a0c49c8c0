import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, destroyLab, LAB_BASE_DIR, type Lab } from '../../src/netns/index.js';
import { readState } from '../../src/netns/state.js';
import { missing } from '../support/env.js';
import { LAB_TOOLS, twoNodeSpec } from './two-node-spec.js';

const skip = missing({ root: true, tools: LAB_TOOLS });
const NAME = 'tfs';

describe.skipIf(skip)('lab node filesystem', () => {
  let lab: Lab;
  const sh = async (member: string, script: string): Promise<string> => {
    const result = await lab.exec(member, ['sh', '-c', script]);
    expect(result.exitCode, `${member}: ${script}: ${result.stderr}`).toBe(0);
    return result.stdout.trim();
  };

  beforeAll(async () => {
    lab = await createLab(twoNodeSpec(NAME));
  });
  afterAll(async () => {
    await (lab ? lab.destroy() : destroyLab(NAME));
  });

  it('gives every node its own hostname', async () => {
    expect(await sh('n1', 'hostname; uname -n; cat /etc/hostname')).toBe('n1\nn1\nn1');
    expect(await sh('n2', 'hostname; uname -n; cat /etc/hostname')).toBe('n2\nn2\nn2');
    expect(hostname()).not.toMatch(/^n[12]$/);
  });

  it("keeps a write to /etc/hosts in one node out of the other node and the host", async () => {
    const hostEtcHosts = readFileSync('/etc/hosts', 'utf8');
    await sh('n1', 'echo "172.16.0.99 only-on-n1" >> /etc/hosts');
    expect(await sh('n1', 'cat /etc/hosts')).toContain('only-on-n1');
    expect(await sh('n2', 'cat /etc/hosts')).not.toContain('only-on-n1');
    expect(readFileSync('/etc/hosts', 'utf8')).toBe(hostEtcHosts);
    expect(readFileSync(join(lab.nodeRoot('n1'), 'etc', 'hosts'), 'utf8')).toContain('only-on-n1');
  });

  it('resolves every lab node by name from /etc/hosts', async () => {
    expect(await sh('n1', 'getent hosts n2')).toMatch(/^172\.16\.0\.12\s+n2/);
    expect(await sh('n2', 'getent hosts n1-hb')).toMatch(/^10\.10\.0\.1\s+n1-hb/);
  });

  it('lets the host write into a node through nodeRoot', async () => {
    writeFileSync(join(lab.nodeRoot('n2'), 'etc', 'ha.d-marker'), 'from the host\n');
    expect(await sh('n2', 'cat /etc/ha.d-marker')).toBe('from the host');
    expect(existsSync('/etc/ha.d-marker')).toBe(false);
  });

  it.each(['/run', '/var/run', '/tmp', '/var/log', '/var/lib/heartbeat', '/var/lib/pacemaker', '/var/lib/hactl'])(
    'keeps %s private to each node',
    async (dir) => {
      const file = `${dir}/hactl-lab-test-${process.pid}`;
      await sh('n1', `echo n1 > ${file}`);
      expect(await sh('n2', `test -e ${file} && echo shared || echo private`)).toBe('private');
      expect(existsSync(file)).toBe(false);
      expect(await sh('n1', `cat ${file}`)).toBe('n1');
    },
  );

  it('gives sshd its privilege separation directory and keeps the host keys out', async () => {
    expect(await sh('n1', 'test -d /run/sshd && echo yes')).toBe('yes');
    expect(await sh('n1', 'ls /etc/ssh | grep -c "^ssh_host_" || true')).toBe('0');
  });

  it("shows the node's own interfaces under /sys/class/net", async () => {
    expect((await sh('n1', 'ls /sys/class/net')).split('\n').sort()).toEqual(['eth0', 'eth1', 'lo']);
  });

  it('leaves the client on the host filesystem', async () => {
    expect(await sh('client', 'hostname')).toBe(hostname());
    expect(() => lab.nodeRoot('client')).toThrowError(expect.objectContaining({ code: 'lab-not-isolated' }));
  });

  it('runs a daemon inside a node, tracks its PID and logs its output', async () => {
    const proc = lab.spawn('n1', ['sh', '-c', 'hostname; exec sleep 600']);
    expect(readState(NAME)?.processes.map((p) => p.pid)).toContain(proc.pid);
    await expect.poll(() => (existsSync(proc.logFile) ? readFileSync(proc.logFile, 'utf8') : ''), { timeout: 5_000 }).toBe('n1\n');
    await expect.poll(() => readFileSync(`/proc/${proc.pid}/comm`, 'utf8').trim(), { timeout: 5_000 }).toBe('sleep');
    proc.kill('SIGKILL');
    expect(await proc.exited).toEqual({ exitCode: null, signal: 'SIGKILL' });
    expect(readState(NAME)?.processes.map((p) => p.pid)).not.toContain(proc.pid);
  });

  it('returns a failing command as an exit code and a hung one as a lab-timeout', async () => {
    expect((await lab.exec('n1', ['sh', '-c', 'echo oops >&2; exit 3']))).toEqual({ stdout: '', stderr: 'oops', exitCode: 3 });
    await expect(lab.exec('n1', ['sleep', '10'], { timeoutMs: 200 })).rejects.toMatchObject({ code: 'lab-timeout' });
    expect(await sh('n1', 'echo hello | cat')).toBe('hello');
    expect((await lab.exec('n2', ['cat'], { input: 'piped' })).stdout).toBe('piped');
  });

  it("holds no copy of another namespace's file or another lab's directory, so it keeps none alive", async () => {
    const other = await createLab(twoNodeSpec('tfs2'));
    try {
      const { stdout } = await other.exec('n1', ['cat', '/proc/self/mountinfo']);
      const mounts = stdout.split('\n').map((line) => line.split(' '));
      expect(mounts.filter((f) => f[f.indexOf('-') + 1] === 'nsfs')).toEqual([]);
      const firstLab = `${LAB_BASE_DIR}/${NAME}`;
      expect(mounts.map((f) => f[4]).filter((t) => t === firstLab || t?.startsWith(`${firstLab}/`))).toEqual([]);
    } finally {
      await other.destroy();
    }
    expect(await sh('n1', 'hostname')).toBe('n1');
  });
});
