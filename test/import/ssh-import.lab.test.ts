import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { importStack } from '../../src/import/assemble/index.js';
import { readSshSources } from '../../src/import/source/read-ssh.js';
import { openLab } from '../../src/netns/index.js';
import { nodeRelayProxyCommand } from '../../src/transport/index.js';
import { missing } from '../support/env.js';

// hactl import --ssh against live nodes: the lab runs a real sshd per node (the quickstart-ssh pattern); import reads
// through the same relay apply uses, host keys checked against the lab's known_hosts, and writes nothing on the nodes.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'keepalived', 'sshd'] });
const stack = 'test/import/fixtures/ssh/keepalived-ssh.yaml';
const env = { HACTL_VRRP_PASS: 'sshpw' };
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env, timeout: 120_000 });

/** Every file under a node's private root with its size and mtime (not the daemons' own logs, pid and state files). */
const snapshot = (root: string) =>
  execFileSync('find', [root, '-xdev', '-type', 'f', '-printf', '%P %s %T@\n'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => !/^(var\/log|run|tmp)\//.test(l))
    .sort()
    .join('\n');

describe.skipIf(skip)('hactl import over SSH from a live lab', () => {
  afterAll(async () => {
    await hactl('down', stack);
  });

  it('reads both nodes read-only and gives back the stack that runs there', async () => {
    const up = await hactl('up', stack);
    expect(up.exitCode, up.stderr).toBe(0);
    expect(up.stderr).toMatch(/lb1: \d+ files applied over SSH/);
    const lab = openLab('imp-ssh');
    const before = ['lb1', 'lb2'].map((n) => snapshot(lab.nodeRoot(n)));
    const endpoints = lab.sshdEndpoints();
    expect(endpoints.map((e) => e.node).sort()).toEqual(['lb1', 'lb2']);
    const sources = await readSshSources(
      endpoints.map((e) => ({ user: 'root', host: e.host, port: e.port })),
      { identityFile: lab.sshKeyPath(), knownHostsFiles: [lab.knownHostsPath()], proxyCommand: nodeRelayProxyCommand(lab.enterArgv('lb1')) },
    );
    expect(sources.nodes.map((n) => n.name).sort()).toEqual(['lb1', 'lb2']);
    const result = importStack(sources, { secrets: { mode: 'env', dir: '' } });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const input = result.input!;
    expect(input.runtime).toBe('keepalived');
    expect(input.nodes.lb1?.nics.eth0).toBe('10.203.0.11/24');
    expect(input.vrrp?.[0]).toMatchObject({ name: 'VI_1', vrid: 51, nodes: { lb1: { state: 'MASTER', priority: 150 }, lb2: { state: 'BACKUP', priority: 100 } }, notify: { master: '/etc/keepalived/hoge.sh', backup: '/etc/keepalived/hage.sh' } });
    expect(input.vrrp?.[0]?.auth).toEqual({ type: 'PASS', passFrom: { env: 'HACTL_VRRP_PASS' } });
    expect(result.secrets.map((s) => s.value)).toEqual(['sshpw']);
    expect(input.files?.map((f) => f.path).sort()).toEqual(['/etc/keepalived/hage.sh', '/etc/keepalived/hoge.sh']);
    expect(input.nodes.lb1?.ssh).toMatchObject({ user: 'root' });
    expect(['lb1', 'lb2'].map((n) => snapshot(lab.nodeRoot(n)))).toEqual(before);
    expect((await hactl('down', stack)).exitCode).toBe(0);
  });
});
