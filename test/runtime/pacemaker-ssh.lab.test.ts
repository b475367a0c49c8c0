import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../../src/runtime/status.js';
import { missing } from '../support/env.js';
import { clientGets, eventually, hactl, labMounts, labNamespaces, onNode, sharedLab } from '../support/lab-cli.js';
import { expectSameFacts } from '../support/status-facts.js';

// The SSH path: a Pacemaker stack whose nodes have `ssh:` is reached only through a real sshd in every lab node, as
// real servers are. status, standby and move must work the same way through it, and every one of them must log in.
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'corosync', 'pacemakerd', 'crm', 'sshd', 'curl'] });

const STACK = 'test/runtime/fixtures/stacks/pm-web-ssh.yaml';
const URL = 'http://10.212.0.100:8080/';
const lab = ['--lab', STACK];

const client = () => clientGets(STACK, URL);
const clientSees = (node: string) => eventually(client, (who) => who === node);
/** logins the node's sshd accepted so far (its log, read inside the node without SSH) */
const logins = async (node: string) => Number((await onNode(STACK, node, 'cat /var/log/hactl-lab-sshd-*.log | grep -c "Accepted publickey"')).stdout.trim());
const allLogins = async () => (await logins('pm1')) + (await logins('pm2'));

describe.skipIf(skip)('Pacemaker driven over SSH (the stack gives its nodes ssh:)', () => {
  const upResult = sharedLab(STACK);

  it('comes up with its files applied over SSH, web on pm1', async () => {
    const up = upResult();
    expect(up.exitCode).toBe(0);
    expect(up.stderr).toMatch(/^pm1: \d+ files applied over SSH/m);
    expect(up.stderr).toMatch(/^pm2: \d+ files applied over SSH/m);
    expect(up.stdout).toMatch(/web\s+10\.212\.0\.100\s+on pm1/);
    expect(await client()).toBe('pm1');
  });

  it('reads status through sshd: the same facts as text and JSON, crm_mon run on the nodes', async () => {
    const before = await allLogins();
    const text = (await hactl('status', ...lab)).stdout;
    const json = JSON.parse((await hactl('status', ...lab, '--json')).stdout) as ClusterStatus;
    expectSameFacts(text, json);
    expect(json).toMatchObject({ cluster: 't-pacemaker-ssh', runtime: 'pacemaker', reportedBy: ['pm1', 'pm2'], warnings: [] });
    expect(json.groups[0]).toMatchObject({ name: 'web', runningOn: ['pm1'] });
    expect(await allLogins()).toBeGreaterThan(before);
  });

  it('standby and online through sshd: crm node standby moves web to pm2, crm_mon shows it', async () => {
    const before = await allLogins();
    const standby = await hactl('standby', ...lab, 'pm1');
    expect(standby.exitCode).toBe(0);
    expect(standby.stdout).toMatch(/crm node standby pm1/);
    expect(await clientSees('pm2')).toBe('pm2');
    expect((await onNode(STACK, 'pm2', 'crm_mon --output-as=xml')).stdout).toMatch(/<node name="pm1"[^>]*standby="true"/);
    expect((await hactl('online', ...lab, 'pm1')).exitCode).toBe(0);
    expect((await eventually(() => onNode(STACK, 'pm2', 'crm_mon --output-as=xml'), (r) => /<node name="pm1"[^>]*standby="false"/.test(r.stdout))).stdout).toMatch(/<node name="pm1"[^>]*standby="false"/);
    expect(await allLogins()).toBeGreaterThan(before);
  });

  it('move and unmove through sshd', async () => {
    const before = await allLogins();
    const move = await hactl('move', ...lab, 'web', 'pm2');
    expect(move.exitCode).toBe(0);
    expect(await clientSees('pm2')).toBe('pm2');
    expect((await onNode(STACK, 'pm1', 'cibadmin --query --scope constraints')).stdout).toMatch(/cli-prefer-web/);
    expect((await hactl('unmove', ...lab, 'web')).exitCode).toBe(0);
    expect((await onNode(STACK, 'pm1', 'cibadmin --query --scope constraints')).stdout).not.toMatch(/cli-prefer-web/);
    expect(await allLogins()).toBeGreaterThan(before);
  });

  it('goes down leaving no namespace or mount', async () => {
    expect((await hactl('down', STACK)).exitCode).toBe(0);
    expect(labNamespaces('t-pacemaker-ssh')).toEqual([]);
    expect(labMounts('t-pacemaker-ssh')).toEqual([]);
  });
});
