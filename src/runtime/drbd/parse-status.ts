import type { DrbdPeerState, DrbdState } from '../status.js';

interface Line {
  indent: number;
  /** words without a colon: the resource's or the connection's name */
  names: string[];
  fields: Record<string, string>;
}

function splitLine(raw: string): Line {
  const words = raw.trim().split(/\s+/);
  const fields: Record<string, string> = {};
  const names: string[] = [];
  for (const w of words) {
    const colon = w.indexOf(':');
    if (colon > 0) fields[w.slice(0, colon)] = w.slice(colon + 1);
    else names.push(w);
  }
  return { indent: raw.length - raw.trimStart().length, names, fields };
}

const percent = (v: string | undefined): number | undefined => (v !== undefined && Number.isFinite(Number.parseFloat(v)) ? Number.parseFloat(v) : undefined);

/**
 * `drbdadm status` (drbd-utils 9, on a DRBD 8.4 or 9 kernel module) as the status model. Its layout is indentation:
 * a resource line (`drbd0 role:Primary`), its volumes (`disk:UpToDate`), one line per connection (`ds role:Secondary`,
 * or `ds connection:StandAlone` when not connected) and under it the peer volume (`replication:SyncSource
 * peer-disk:Inconsistent done:42.1`). `--verbose --statistics` adds fields and lines this reader skips. Peers keep
 * DRBD's connection names; volume 0 stands for the resource when there are several.
 */
export function parseDrbdStatus(text: string, node: string): DrbdState[] {
  const out: DrbdState[] = [];
  let res: DrbdState | undefined;
  let peer: DrbdPeerState | undefined;
  let diskSeen = false;
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const line = splitLine(raw);
    if (line.indent === 0) {
      // anything else at the margin (a warning the tool printed) is not a resource
      if (line.names.length !== 1) continue;
      res = { resource: line.names[0]!, node, up: true, role: line.fields.role ?? 'Unknown', disk: 'DUnknown', peers: [] };
      out.push(res);
      peer = undefined;
      diskSeen = false;
    } else if (!res) {
      continue;
    } else if (line.names.length > 0) {
      peer = { peer: line.names[0]!, connection: line.fields.connection ?? 'Connected', ...(line.fields.role ? { role: line.fields.role } : {}) };
      res.peers.push(peer);
    } else if (peer && ('replication' in line.fields || 'peer-disk' in line.fields)) {
      if (peer.replication !== undefined || peer.disk !== undefined) continue;
      const { replication, 'peer-disk': disk, done } = line.fields;
      if (replication) peer.replication = replication;
      if (disk) peer.disk = disk;
      const pct = percent(done);
      if (pct !== undefined) peer.done = pct;
    } else if (!peer && !diskSeen && line.fields.disk) {
      res.disk = line.fields.disk;
      diskSeen = true;
    }
  }
  return out;
}
