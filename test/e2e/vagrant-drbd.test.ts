import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';
import type { ClusterModel } from '../../src/model/model.js';
import { vagrantDown } from '../../src/provider/vagrant/index.js';
import type { ClusterStatus, DrbdState } from '../../src/runtime/status.js';
import type { Transport } from '../../src/transport/transport.js';
import { MINUTE, openVagrantRun, root, until, vagrantSkip, type VagrantRun, withMachines } from './vagrant-run.js';

// CI runs this on every run: seed 003's DRBD needs a real kernel, which only VMs give here (12-14 min on emulated VMs,
// see bench/RESULTS.md)
const skip = vagrantSkip({ ci: true });
const STACK = join(root, 'stacks/vagrant-drbd.yaml');
const env = { HACTL_AUTHKEY: 'vagrant-e2e-drbd-key' };
// what the nodes said at each step (drbdadm status, crm_mon, the journal's tail), for reading after a failure
const EVIDENCE = process.env.HACTL_E2E_EVIDENCE ?? join(root, '.hactl', 'e2e-evidence', 'vagrant-drbd');

describe.skipIf(skip)('seed 003 on two Vagrant VMs: DRBD under Pacemaker 2 with a real kernel', () => {
  let run: VagrantRun;
  let model: ClusterModel;
  let checksum = '';
  let step = 0;

  const onNodes = <T>(fn: (nodes: Map<string, Transport>) => Promise<T>): Promise<T> => withMachines(model, run, fn);
  const sh = async (t: Transport, command: string): Promise<string> => (await t.exec(command, { timeoutMs: 120_000 })).stdout.trim();
  const note = (file: string, text: string): void => {
    mkdirSync(EVIDENCE, { recursive: true });
    appendFileSync(join(EVIDENCE, file), `== ${new Date().toISOString()}\n${text}\n`);
  };
  const evidence = async (stage: string, nodes: Map<string, Transport>): Promise<void> => {
    for (const [node, t] of nodes) {
      const r = await t.exec('echo "# drbdadm status"; drbdadm status; echo "# drbdadm status --verbose --statistics"; drbdadm status --verbose --statistics; echo "# drbdadm --version"; drbdadm --version; echo "# /proc/drbd"; cat /proc/drbd; echo "# crm_mon"; crm_mon -1 -r; echo "# findmnt /drbd"; findmnt /drbd; echo "# DRBD syncs (kernel)"; journalctl -k --no-pager | grep -E "Began resync|Resync done"; echo "# journal"; journalctl -n 80 --no-pager', { timeoutMs: 120_000 }).catch((e: unknown) => ({ stdout: String(e), stderr: '' }));
      note(`${stage}-${node}.txt`, `${r.stdout}\n# stderr\n${r.stderr}`);
    }
  };
  const drbdadmStatus = async (nodes: Map<string, Transport>, file: string): Promise<void> => {
    for (const [n, t] of nodes) note(file, `${n}:\n${await sh(t, 'drbdadm status drbd0; echo "# verbose"; drbdadm status drbd0 --verbose --statistics')}`);
  };
  const hactl = async (...args: string[]) => {
    const r = await run.hactl(...args);
    note('hactl.txt', `$ hactl ${args.join(' ')}\nexit ${r.exitCode}\n${r.stdout}\n# stderr\n${r.stderr}`);
    return r;
  };
  const status = async (): Promise<ClusterStatus> => {
    const r = await hactl('status', '--provider', 'vagrant', '--stack', STACK, '--json');
    expect(r.exitCode).toBe(0);
    return JSON.parse(r.stdout) as ClusterStatus;
  };
  const drbdOn = (s: ClusterStatus, node: string): DrbdState | undefined => s.drbd?.find((d) => d.resource === 'drbd0' && d.node === node);
  const primaryAndMounted = async (t: Transport): Promise<boolean> => /^Primary/.test(await sh(t, 'drbdadm role drbd0')) && (await sh(t, 'findmnt -n -o SOURCE /drbd')) === '/dev/drbd0';

  beforeAll(async () => {
    run = await openVagrantRun(env);
    model = (await loadStack(STACK)).model!;
  }, 40 * MINUTE);

  afterEach(async () => {
    step++;
    await onNodes((nodes) => evidence(`step${step}`, nodes)).catch((e: unknown) => note(`step${step}-error.txt`, String(e)));
  }, 5 * MINUTE);

  afterAll(async () => {
    const leftovers = run ? await run.close(() => vagrantDown(model, { baseDir: run.baseDir })) : [];
    // the DRBD disks are libvirt volumes of the machines: none may survive them
    expect(leftovers).toEqual([]);
  }, 10 * MINUTE);

  it('bootstraps DRBD once and brings seed 003 up retargeted to Pacemaker 2, promoted and mounted on dm', async () => {
    const up = await run.timed('hactlUpDrbd', () => hactl('up', '--provider', 'vagrant', STACK));
    expect(up.stderr).toMatch(/DRBD metadata created for drbd0 on \/dev\/vdb/);
    expect(up.stderr).toMatch(/ext3 made on \/dev\/drbd0/);
    expect(up.exitCode).toBe(0);
    await onNodes(async (nodes) => {
      const dm = nodes.get('dm')!;
      await until('/drbd is mounted on dm', 5 * MINUTE, async () => ((await primaryAndMounted(dm)) ? true : undefined));
      await run.timed('drbdFirstSyncAfterUp', () =>
        until('the first sync is done', 15 * MINUTE, async () => {
          await drbdadmStatus(nodes, 'first-sync.txt');
          return /^UpToDate\/UpToDate/.test(await sh(dm, 'drbdadm dstate drbd0')) ? true : undefined;
        }));
      checksum = await sh(dm, 'head -c 4000000 /dev/urandom > /drbd/data.bin && sync && sha256sum /drbd/data.bin | cut -c1-64');
      expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    });
    const s = await status();
    expect(drbdOn(s, 'dm')).toMatchObject({ up: true, role: 'Primary', disk: 'UpToDate', peers: [{ peer: 'ds', connection: 'Connected', role: 'Secondary', disk: 'UpToDate' }] });
    expect(drbdOn(s, 'ds')).toMatchObject({ up: true, role: 'Secondary', disk: 'UpToDate', peers: [{ peer: 'dm', connection: 'Connected', role: 'Primary' }] });
    expect(s.warnings).toEqual([]);
  }, 45 * MINUTE);

  it('is idempotent: a second up creates no metadata and no filesystem', async () => {
    const again = await run.timed('hactlUpAgain', () => hactl('up', '--provider', 'vagrant', STACK));
    expect(again.stderr).not.toMatch(/metadata created|made on/);
    expect(again.stderr).toMatch(/metadata present on 2 node/);
    expect(again.exitCode).toBe(0);
  }, 20 * MINUTE);

  it('promotes ds with the same data after corosync is SIGKILLed on dm and dm is powered off', async () => {
    await onNodes(async (nodes) => {
      const dm = nodes.get('dm')!;
      const ds = nodes.get('ds')!;
      const killed = performance.now();
      await dm.exec('systemctl kill --signal=SIGKILL corosync');
      // DRBD on dm stays Primary without its cluster stack (the kernel holds it): with no fencing, ds cannot be
      // promoted while dm runs; the power-off is what frees the data. How long ds takes to see dm gone is recorded.
      const lost = await until('ds sees dm leave the membership', 2 * MINUTE, async () => (/\bdm\b.*\blost\b/.test(await sh(ds, 'crm_node -l')) ? true : undefined)).catch(() => false);
      if (lost) run.timings.drbdMembershipLostAfterKill = performance.now() - killed;
      await evidence('after-kill', new Map([['ds', ds]]));
      const off = performance.now();
      await execa('virsh', ['destroy', 'hactl-vdrbd-dm'], { reject: false });
      await until('ds is Primary with /drbd mounted', 5 * MINUTE, async () => ((await primaryAndMounted(ds)) ? true : undefined));
      run.timings.drbdFailoverAfterPowerOff = performance.now() - off;
      run.timings.drbdFailoverFromKill = performance.now() - killed;
      expect(await sh(ds, 'sha256sum /drbd/data.bin | cut -c1-64')).toBe(checksum);
      // what dm has to catch up with when it comes back
      checksum = await sh(ds, 'head -c 64000000 /dev/urandom > /drbd/while-dm-was-down.bin && sync && sha256sum /drbd/data.bin | cut -c1-64');
    });
    const s = await status();
    expect(drbdOn(s, 'ds')).toMatchObject({ up: true, role: 'Primary', disk: 'UpToDate' });
    expect(drbdOn(s, 'ds')!.peers[0]!.connection).not.toBe('Connected');
    expect(drbdOn(s, 'dm')).toBeUndefined();
  }, 15 * MINUTE);

  it('resyncs the old primary as secondary once it is back, as hactl status and drbdadm show', async () => {
    const started = performance.now();
    await execa('virsh', ['start', 'hactl-vdrbd-dm']);
    // dm boots again (emulated: minutes); its SSH answers before its cluster stack is back
    await until('dm rejoins and resyncs as secondary', 20 * MINUTE, () =>
      onNodes(async (nodes) => {
        await drbdadmStatus(nodes, 'resync.txt');
        const dm = nodes.get('dm')!;
        const [role, dstate] = [await sh(dm, 'drbdadm role drbd0'), await sh(dm, 'drbdadm dstate drbd0')];
        if (/^Inconsistent|SyncTarget/.test(`${dstate} ${await sh(dm, 'drbdadm cstate drbd0')}`) && run.timings.drbdResyncSeen === undefined) run.timings.drbdResyncSeen = performance.now() - started;
        return /^Secondary/.test(role) && /^UpToDate\/UpToDate/.test(dstate) ? true : undefined;
      }).catch(() => undefined));
    run.timings.drbdBackToUpToDate = performance.now() - started;
    const s = await status();
    expect(drbdOn(s, 'dm')).toMatchObject({ up: true, role: 'Secondary', disk: 'UpToDate', peers: [{ peer: 'ds', connection: 'Connected', role: 'Primary', disk: 'UpToDate' }] });
    expect(drbdOn(s, 'ds')).toMatchObject({ role: 'Primary', disk: 'UpToDate' });
    const text = await hactl('status', '--provider', 'vagrant', '--stack', STACK);
    expect(text.stdout).toMatch(/ms-drbd0/);
    expect(text.stdout).toMatch(/^DRBD:\n\s+drbd0\s+dm\s+Secondary\s+UpToDate\s+ds: Primary UpToDate/m);
  }, 25 * MINUTE);

  it('refuses a backing disk that holds data, and overwrites it only with --drbd-overwrite', async () => {
    await onNodes(async (nodes) => {
      const dm = nodes.get('dm')!;
      // dm (Secondary) leaves the cluster's placement; DRBD stops there and a filesystem replaces its metadata
      await sh(dm, 'crm node standby dm');
      await until('DRBD is down on dm', 3 * MINUTE, async () => {
        const r = await dm.exec('drbdadm status drbd0');
        return r.code !== 0 || !/role:/.test(r.stdout) ? true : undefined;
      }).catch((e: unknown) => note('wipe.txt', String(e)));
      note('wipe.txt', await sh(dm, 'yes yes | drbdadm -- --force wipe-md drbd0 2>&1; mkfs.ext4 -q -F /dev/vdb 2>&1; blkid -p /dev/vdb'));
    });
    const refused = await hactl('up', '--provider', 'vagrant', STACK);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/\[runtime-drbd-disk-in-use\]/);
    await onNodes(async (nodes) => expect(await sh(nodes.get('dm')!, 'blkid -p -o value -s TYPE /dev/vdb')).toBe('ext4'));
    const overwrite = await run.timed('hactlUpOverwrite', () => hactl('up', '--provider', 'vagrant', '--drbd-overwrite', STACK));
    expect(overwrite.stderr).toMatch(/dm: DRBD metadata created for drbd0 on \/dev\/vdb \(overwrote ext4\)/);
    expect(overwrite.exitCode).toBe(0);
    await onNodes(async (nodes) => {
      const dm = nodes.get('dm')!;
      await sh(dm, 'crm node online dm');
      // fresh metadata on dm: DRBD copies the whole disk from ds
      await run.timed('drbdFullResync', () =>
        until('dm is UpToDate again', 15 * MINUTE, async () => {
          await drbdadmStatus(nodes, 'full-resync.txt');
          return /^UpToDate\/UpToDate/.test(await sh(dm, 'drbdadm dstate drbd0')) ? true : undefined;
        }));
      expect(await sh(nodes.get('ds')!, 'sha256sum /drbd/data.bin | cut -c1-64')).toBe(checksum);
    });
  }, 40 * MINUTE);
});
