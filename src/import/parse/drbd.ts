import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, type Parsed, type Where } from '../located.js';
import { parseBlocks, texts, type Stmt } from './blocks.js';
import type { KeptStmt } from './keepalived.js';

export interface DrbdHostConf {
  node: string;
  device?: string;
  disk?: string;
  address?: string;
  port?: number;
  metaDisk?: string;
  where: Where;
}

export interface DrbdResourceConf {
  name: string;
  /** 9: net { protocol }, node-id, resync-rate; 8.x: protocol and syncer at resource level */
  version: '8.4' | '9';
  protocol?: string;
  rate?: string;
  onIoError?: string;
  hosts: DrbdHostConf[];
  kept: KeptStmt[];
  where: Where;
}

export interface DrbdConf {
  resources: DrbdResourceConf[];
  includes: { pattern: string; where: Where }[];
  kept: KeptStmt[];
}

interface Settings {
  protocol?: string;
  rate?: string;
  onIoError?: string;
  nine: boolean;
}

/** Settings of a resource or of `common`: the ones the stack has a field for; the rest kept. */
function settings(list: Stmt[], into: Settings, kept: KeptStmt[]): Stmt[] {
  const rest: Stmt[] = [];
  for (const s of list) {
    const [key, value] = texts(s);
    if (key === 'protocol' && !s.block) into.protocol = value;
    else if ((key === 'syncer' || key === 'disk' || key === 'net') && s.block) {
      for (const inner of s.block) {
        const [k, v] = texts(inner);
        if (k === 'rate' && key === 'syncer') into.rate = v;
        else if (k === 'resync-rate' && key === 'disk') {
          into.rate = v;
          into.nine = true;
        } else if (k === 'on-io-error' && key === 'disk') into.onIoError = v;
        else if (k === 'protocol' && key === 'net') {
          into.protocol = v;
          into.nine = true;
        } else kept.push({ stmt: inner, why: `the stack's DRBD resources have no ${key} ${k}` });
      }
    } else rest.push(s);
  }
  return rest;
}

/** Reads drbd.conf and drbd.d/*.res, DRBD 8.x (0.7 and 8.4 layouts) and 9 syntax. */
export function parseDrbd(text: string, file: string): Parsed<DrbdConf> {
  const blocks = parseBlocks(text, file, { comment: '#', semicolons: true });
  const issues: Diagnostic[] = [...blocks.issues];
  const conf: DrbdConf = { resources: [], includes: [], kept: [] };
  const common: Settings = { nine: false };
  const where = (s: Stmt) => at(file, s.line, s.column);
  for (const top of blocks.value) {
    const [key, name] = texts(top);
    if (key === 'include' && name) conf.includes.push({ pattern: name, where: where(top) });
    else if (key === 'global' && top.block) {
      for (const s of top.block) if (texts(s)[0] !== 'usage-count') conf.kept.push({ stmt: s, why: 'the stack has no DRBD global settings' });
    } else if (key === 'common' && top.block) {
      for (const s of settings(top.block, common, conf.kept)) conf.kept.push({ stmt: s, why: 'the stack has no DRBD common settings beyond protocol, rate and on-io-error' });
    } else if (key === 'resource' && name && top.block) {
      conf.resources.push(resource(name, top, file, common, issues));
    } else conf.kept.push({ stmt: top, why: `the stack has no DRBD ${key ?? ''} section` });
  }
  return { value: conf, issues };
}

function resource(name: string, top: Stmt, file: string, common: Settings, issues: Diagnostic[]): DrbdResourceConf {
  const own: Settings = { ...common };
  const kept: KeptStmt[] = [];
  const hosts: DrbdHostConf[] = [];
  for (const s of settings(top.block!, own, kept)) {
    const [key, host] = texts(s);
    if (key === 'on' && host && s.block) hosts.push(hostConf(host, s, file, own, kept, issues));
    else if (key === 'connection-mesh' || key === 'connection') {
      own.nine = true;
      kept.push({ stmt: s, why: 'the stack connects every pair of hosts (DRBD 9 does so without a connection-mesh)' });
    } else if (key === 'device' || key === 'disk' || key === 'meta-disk') kept.push({ stmt: s, why: 'the stack sets device, disk and meta-disk per host' });
    else kept.push({ stmt: s, why: `the stack's DRBD resources have no ${key}` });
  }
  return { name, version: own.nine ? '9' : '8.4', ...pick(own), hosts, kept, where: at(file, top.line, top.column) };
}

const pick = (s: Settings) => ({ ...(s.protocol ? { protocol: s.protocol } : {}), ...(s.rate ? { rate: s.rate } : {}), ...(s.onIoError ? { onIoError: s.onIoError } : {}) });

function hostConf(node: string, s: Stmt, file: string, own: Settings, kept: KeptStmt[], issues: Diagnostic[]): DrbdHostConf {
  const host: DrbdHostConf = { node, where: at(file, s.line, s.column) };
  for (const inner of s.block!) {
    const words = texts(inner);
    const [key] = words;
    if (key === 'device') host.device = words.find((w) => w.startsWith('/'));
    else if (key === 'disk') host.disk = words[1];
    else if (key === 'meta-disk') host.metaDisk = words.slice(1).join(' ').replace(/\s*\[\s*(\d+)\s*\]/, ' [$1]');
    else if (key === 'node-id') own.nine = true;
    else if (key === 'address') {
      const spec = words.at(-1) ?? '';
      const m = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d+)$/.exec(spec);
      if (!m) issues.push(sourceError('import-syntax', at(file, inner.line, inner.column), `address: expected IPv4:PORT, got "${words.slice(1).join(' ')}"`));
      else {
        host.address = m[1];
        host.port = Number(m[2]);
      }
    } else kept.push({ stmt: inner, why: `the stack's DRBD hosts have no ${key}` });
  }
  return host;
}
