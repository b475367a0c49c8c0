import type { ClusterModel, DrbdModel, PrimitiveModel } from '../../model/model.js';
import { RuntimeError } from '../../runtime/errors.js';
import { quote } from '../../transport/shell.js';
import type { Transport } from '../../transport/transport.js';

const CONNECT_TIMEOUT_MS = 180_000;

export interface DrbdBootstrapOptions {
  /** create metadata (and a filesystem) even on a disk that already holds data: what `--drbd-overwrite` says */
  overwrite?: boolean;
}

async function run(t: Transport, command: string, what: string): Promise<string> {
  const r = await t.exec(command, { timeoutMs: 120_000 });
  if (r.code !== 0) throw new RuntimeError('runtime-drbd-bootstrap-failed', `${t.node}: ${what} failed: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join(' / ') || `exit ${r.code}`}`);
  return r.stdout.trim();
}

const ok = async (t: Transport, command: string): Promise<boolean> => (await t.exec(command, { timeoutMs: 60_000 })).code === 0;

/** The primitives of the stack, groups' members included. */
const primitives = (model: ClusterModel): PrimitiveModel[] => model.resources.flatMap((r) => (r.kind === 'group' ? r.members : [r]));

/** The node DRBD is first promoted on: the promotable clone's preferred node (a location with role master), else the first. */
function firstPrimary(model: ClusterModel, res: DrbdModel): string {
  const drbd = primitives(model).find((p) => p.kind === 'drbd' && p.resource === res.name);
  const master = drbd?.kind === 'drbd' ? drbd.master : undefined;
  const located = model.constraints.find((c) => c.type === 'location' && c.role === 'master' && (c.rsc === master?.name || c.rsc === drbd?.name));
  return master?.preferred ?? (located?.type === 'location' ? located.node : undefined) ?? res.hosts[0]!.node;
}

/** What is on a disk before hactl writes DRBD metadata there: '' when blkid and wipefs find no signature. */
async function signatures(t: Transport, disk: string): Promise<string> {
  const r = await t.exec(`wipefs --no-act --noheadings --output TYPE ${quote(disk)} 2>/dev/null; blkid -p -o value -s TYPE ${quote(disk)} 2>/dev/null; true`);
  return [...new Set(r.stdout.split('\n').map((l) => l.trim()).filter(Boolean))].join(', ');
}

async function waitConnected(t: Transport, res: string): Promise<void> {
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  let state = '';
  while (Date.now() < deadline) {
    state = (await t.exec(`drbdadm cstate ${quote(res)}`)).stdout.trim();
    if (state === 'Connected' || /^(SyncSource|SyncTarget|Established)$/.test(state)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new RuntimeError('runtime-drbd-bootstrap-failed', `${t.node}: ${res} did not connect to its peer within ${CONNECT_TIMEOUT_MS / 1000} s (connection state ${state || 'unknown'})`);
}

/**
 * DRBD's one-time set-up, before the cluster manager starts: metadata on each node's backing disk, the resource up
 * on every node, then on the first primary the initial sync forced and the stack's Filesystem made on the device.
 * Idempotent: a node whose disk has DRBD metadata is left as it is, and nothing is forced once a node had metadata
 * (the data there wins). A disk with any other signature (a filesystem, a partition table) is refused unless
 * `overwrite`. The resource stays up and Secondary: the promotable clone adopts it, the sync goes on meanwhile.
 */
export async function bootstrapDrbd(model: ClusterModel, transports: ReadonlyMap<string, Transport>, opts: DrbdBootstrapOptions = {}): Promise<string[]> {
  if (model.drbd.length === 0 || !['pacemaker', 'heartbeat'].includes(model.runtime)) return [];
  const lines: string[] = [];
  for (const res of model.drbd) {
    const name = quote(res.name);
    const hosts = res.hosts.map((h) => ({ ...h, t: transports.get(h.node) }));
    let created = 0;
    for (const h of hosts) {
      if (!h.t) throw new RuntimeError('runtime-no-node', `${h.node} cannot be reached`);
      await run(h.t, 'modprobe drbd', 'loading the drbd kernel module');
      if (await ok(h.t, `drbdadm dstate ${name} >/dev/null 2>&1 || drbdadm dump-md ${name} >/dev/null 2>&1`)) continue;
      const found = await signatures(h.t, h.disk);
      if (found && !opts.overwrite) {
        throw new RuntimeError('runtime-drbd-disk-in-use', `${h.node}: ${h.disk} holds data (${found}) and no DRBD metadata: hactl creates no metadata there; wipe the disk yourself, or pass --drbd-overwrite to let hactl overwrite it`);
      }
      // drbdmeta refuses a disk with a filesystem on it even with --force (exit 40): overwriting means its signatures go first
      if (found) await run(h.t, `wipefs --all --force ${quote(h.disk)}`, `wiping ${found} off ${h.disk} (--drbd-overwrite)`);
      await run(h.t, `drbdadm -- --force create-md ${name}`, `drbdadm create-md ${res.name} on ${h.disk}`);
      lines.push(`${h.node}: DRBD metadata created for ${res.name} on ${h.disk}${found ? ` (overwrote ${found})` : ''}`);
      created++;
    }
    for (const h of hosts) if (!(await ok(h.t!, `drbdadm role ${name} >/dev/null 2>&1`))) await run(h.t!, `drbdadm up ${name}`, `drbdadm up ${res.name}`);
    if (created !== hosts.length) {
      lines.push(`${res.name}: metadata present on ${hosts.length - created} node(s): no initial sync forced`);
      continue;
    }
    const primary = hosts.find((h) => h.node === firstPrimary(model, res))!;
    await waitConnected(primary.t!, res.name);
    await run(primary.t!, `drbdadm primary --force ${name}`, `forcing ${res.name} primary for its first sync`);
    const fs = primitives(model).find((p): p is Extract<PrimitiveModel, { kind: 'filesystem' }> => p.kind === 'filesystem' && p.device === primary.device);
    if (fs) {
      const existing = await signatures(primary.t!, primary.device);
      if (existing) lines.push(`${primary.node}: ${primary.device} already holds ${existing}: no mkfs`);
      else {
        await run(primary.t!, `mkfs -t ${quote(fs.fstype)} -q ${quote(primary.device)}`, `mkfs -t ${fs.fstype} ${primary.device}`);
        lines.push(`${primary.node}: ${fs.fstype} made on ${primary.device}`);
      }
    }
    await run(primary.t!, `drbdadm secondary ${name}`, `drbdadm secondary ${res.name}`);
    lines.push(`${res.name}: initial sync from ${primary.node} started`);
  }
  return lines;
}
