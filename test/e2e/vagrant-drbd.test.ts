import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';
import type { ClusterModel } from '../../src/model/model.js';
import { vagrantDown } from '../../src/provider/vagrant/index.js';
import type { Transport } from '../../src/transport/transport.js';
import { MINUTE, openVagrantRun, root, until, vagrantSkip, type VagrantRun, withMachines } from './vagrant-run.js';

// not yet seen green on VMs (see bench/RESULTS.md): behind HACTL_E2E_VAGRANT=all until it is
const skip = vagrantSkip({ ci: false });
const STACK = join(root, 'stacks/vagrant-drbd.yaml');
const env = { HACTL_AUTHKEY: 'vagrant-e2e-drbd-key' };

describe.skipIf(skip)('seed 003 on two Vagrant VMs: DRBD under Pacemaker 2 with a real kernel', () => {
  let run: VagrantRun;
  let model: ClusterModel;
  let checksum = '';

  const onNodes = <T>(fn: (nodes: Map<string, Transport>) => Promise<T>): Promise<T> => withMachines(model, run, fn);
  const sh = async (t: Transport, command: string): Promise<string> => (await t.exec(command, { timeoutMs: 60_000 })).stdout.trim();

  beforeAll(async () => {
    run = await openVagrantRun(env);
    model = (await loadStack(STACK)).model!;
  }, 40 * MINUTE);

  afterAll(async () => {
    const leftovers = run ? await run.close(() => vagrantDown(model, { baseDir: run.baseDir })) : [];
    // the DRBD disks are libvirt volumes of the machines: none may survive them
    expect(leftovers).toEqual([]);
  }, 10 * MINUTE);

  it('bootstraps DRBD once and brings seed 003 up retargeted to Pacemaker 2, promoted and mounted on dm', async () => {
    const up = await run.timed('hactlUpDrbd', () => run.hactl('up', '--provider', 'vagrant', STACK));
    expect(up.stderr).toMatch(/DRBD metadata created for drbd0 on \/dev\/vdb/);
    expect(up.stderr).toMatch(/ext3 made on \/dev\/drbd0/);
    expect(up.exitCode).toBe(0);
    await onNodes(async (nodes) => {
      const dm = nodes.get('dm')!;
      await until('/drbd is mounted on dm', 5 * MINUTE, async () => ((await sh(dm, 'findmnt -n -o SOURCE /drbd')) === '/dev/drbd0' ? true : undefined));
      await until('the first sync is done', 10 * MINUTE, async () => (/UpToDate\/UpToDate/.test(await sh(dm, 'drbdadm dstate drbd0')) ? true : undefined));
      checksum = await sh(dm, 'head -c 4000000 /dev/urandom > /drbd/data.bin && sync && sha256sum /drbd/data.bin | cut -c1-64');
      expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    });
  }, 40 * MINUTE);

  it('is idempotent: a second up creates no metadata and no filesystem', async () => {
    const again = await run.hactl('up', '--provider', 'vagrant', STACK);
    expect(again.stderr).not.toMatch(/metadata created|made on/);
    expect(again.exitCode).toBe(0);
  }, 20 * MINUTE);

  it('promotes ds with the same data after corosync is SIGKILLed on dm and dm is powered off', async () => {
    await onNodes(async (nodes) => {
      const failed = performance.now();
      await nodes.get('dm')!.exec('systemctl kill --signal=SIGKILL corosync');
      await execa('virsh', ['destroy', 'hactl-vdrbd-dm'], { reject: false });
      const ds = nodes.get('ds')!;
      await until('ds mounts /drbd', 5 * MINUTE, async () => ((await sh(ds, 'findmnt -n -o SOURCE /drbd')) === '/dev/drbd0' ? true : undefined));
      run.timings.drbdFailover = performance.now() - failed;
      expect(await sh(ds, 'sha256sum /drbd/data.bin | cut -c1-64')).toBe(checksum);
    });
  }, 15 * MINUTE);

  it('resyncs the old primary as secondary once it is back', async () => {
    await execa('virsh', ['start', 'hactl-vdrbd-dm']);
    // dm boots again (emulated: minutes); its SSH answers before its cluster stack is back
    await until('dm rejoins and resyncs as secondary', 15 * MINUTE, () =>
      onNodes(async (nodes) => {
        const dm = nodes.get('dm')!;
        const role = await sh(dm, 'drbdadm role drbd0');
        return /^Secondary/.test(role) && /^UpToDate\/UpToDate/.test(await sh(dm, 'drbdadm dstate drbd0')) ? true : undefined;
      }).catch(() => undefined));
    const status = await run.hactl('status', '--provider', 'vagrant', '--stack', STACK);
    expect(status.stdout).toMatch(/ms-drbd0/);
  }, 15 * MINUTE);
});
