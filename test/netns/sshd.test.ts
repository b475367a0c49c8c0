import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, destroyLab, type Lab, type SshdEndpoint } from '../../src/netns/index.js';
import { missing } from '../support/env.js';
import { LAB_TOOLS, twoNodeSpec } from './two-node-spec.js';

const skip = missing({ root: true, tools: [...LAB_TOOLS, 'sshd', 'ssh', 'ssh-keygen'] });
const NAME = 'tssh';

describe.skipIf(skip)('lab sshd', () => {
  let lab: Lab;
  let n1: SshdEndpoint;
  let n2: SshdEndpoint;
  const ssh = (from: string, knownHosts: string, target: string, command: string, port = 22) =>
    lab.exec(from, [
      'ssh', '-i', lab.sshKeyPath(), '-p', String(port), '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes',
      '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'ConnectTimeout=5',
      `root@${target}`, command,
    ], { timeoutMs: 15_000 });

  beforeAll(async () => {
    lab = await createLab(twoNodeSpec(NAME));
    [n1, n2] = await Promise.all([lab.startSshd('n1'), lab.startSshd('n2')]);
  });
  afterAll(async () => {
    await (lab ? lab.destroy() : destroyLab(NAME));
  });

  it("listens on the node's first address with its own host key", () => {
    expect(n1).toMatchObject({ node: 'n1', host: '172.16.0.11', port: 22 });
    expect(n1.hostKeyPublic).toMatch(/^ssh-ed25519 \S+$/);
    expect(n2.hostKeyPublic).not.toBe(n1.hostKeyPublic);
  });

  it('accepts the lab key from the client and runs the command on that node', async () => {
    const result = await ssh('client', lab.knownHostsPath(), n1.host, 'hostname');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'n1' });
    expect((await ssh('client', lab.knownHostsPath(), n2.host, 'cat /etc/hostname')).stdout).toBe('n2');
  });

  it('reaches one node from another with the key path as seen inside the node', async () => {
    const result = await ssh('n2', lab.knownHostsPath(), 'n1', 'hostname');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'n1' });
  });

  it('refuses a host whose key does not match known_hosts', async () => {
    const wrong = join(lab.nodeRoot('n1'), 'tmp', 'wrong_known_hosts');
    writeFileSync(wrong, `${n1.host} ${n2.hostKeyPublic}\n`);
    const result = await ssh('n1', '/tmp/wrong_known_hosts', n1.host, 'hostname');
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toMatch(/HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
  });

  it('runs a second sshd on another port', async () => {
    const alt = await lab.startSshd('n1', { port: 2222, network: 'hb' });
    expect(alt).toMatchObject({ host: '10.10.0.1', port: 2222 });
    expect(alt.knownHostsLine.startsWith('[10.10.0.1]:2222,[n1]:2222 ssh-ed25519 ')).toBe(true);
    expect((await ssh('n2', lab.knownHostsPath(), alt.host, 'hostname', 2222)).stdout).toBe('n1');
  });

  it('forwards a loopback port on the host to the node sshd through the client', async () => {
    const forward = await lab.forwardTcp('client', { host: n2.host, port: n2.port });
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        const socket = connect(forward.port, forward.host);
        socket.once('data', (data) => { resolve(data.toString()); socket.destroy(); });
        socket.once('error', reject);
        setTimeout(() => reject(new Error('no banner')), 5_000).unref();
      });
      expect(banner).toMatch(/^SSH-2\.0-OpenSSH/);
    } finally {
      await forward.close();
    }
  });
});
