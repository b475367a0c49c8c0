import type { Where } from '../located.js';

/**
 * What a Pacemaker configuration says, read from `crm configure show` output (or a crm script) or from a cib.xml:
 * one shape for both, so the stack is assembled the same way whichever the cluster gave.
 */
export interface Nvpair {
  name: string;
  value: string;
}

export interface PcmkOp {
  name: string;
  interval?: string;
  timeout?: string;
  onFail?: string;
  role?: string;
  /** any other attribute of the op (requires, start-delay, ...) */
  other: Nvpair[];
}

interface Statement {
  id: string;
  where: Where;
  /** the statement as written (crm) or the element (cib), for keeping what the stack cannot say */
  source: string;
}

export interface PcmkPrimitive extends Statement {
  cls: string;
  provider?: string;
  type: string;
  params: Nvpair[];
  ops: PcmkOp[];
  meta: Nvpair[];
}

export interface PcmkGroup extends Statement {
  members: string[];
  meta: Nvpair[];
}

/** `ms` (1.0), `master` (cib 1.0), `master_slave` (heartbeat 2), or a clone with promotable=true (2.x). */
export interface PcmkPromotable extends Statement {
  child: string;
  meta: Nvpair[];
}

export interface PcmkClone extends Statement {
  child: string;
  meta: Nvpair[];
}

export type PcmkConstraint =
  | (Statement & { type: 'location'; rsc: string; node: string; score: string; role?: string })
  | (Statement & { type: 'colocation'; score: string; rsc: string; rscRole?: string; with: string; withRole?: string })
  | (Statement & { type: 'order'; kind: string; first: string; firstAction?: string; then: string; thenAction?: string });

export interface PcmkKept {
  source: string;
  where: Where;
  why: string;
}

export interface PacemakerConf {
  /** what the text itself says about the syntax (ms / Master roles / validate-with), when it says anything */
  syntax?: '1.0' | '2';
  properties: (Nvpair & { where: Where })[];
  rscDefaults: (Nvpair & { where: Where })[];
  nodes: { name: string; where: Where }[];
  primitives: PcmkPrimitive[];
  groups: PcmkGroup[];
  promotables: PcmkPromotable[];
  clones: PcmkClone[];
  constraints: PcmkConstraint[];
  kept: PcmkKept[];
}

export const emptyPacemakerConf = (): PacemakerConf => ({
  properties: [],
  rscDefaults: [],
  nodes: [],
  primitives: [],
  groups: [],
  promotables: [],
  clones: [],
  constraints: [],
  kept: [],
});

/** Pacemaker scores as the stack writes them: INFINITY, -INFINITY or an integer. */
export function normalizeScore(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity' || t === 'mandatory') return 'INFINITY';
  if (t === '-inf' || t === '-infinity') return '-INFINITY';
  if (/^[+-]?\d+$/.test(t)) return String(Number(t));
  return undefined;
}

/** An order's kind as the CIB 2.x writes it: crm's score form (inf:, 0:) and older score attributes read the same. */
export function orderKind(text: string): string {
  const s = normalizeScore(text);
  if (s === 'INFINITY') return 'Mandatory';
  if (s === '0') return 'Optional';
  const t = text.trim().toLowerCase();
  return t === 'mandatory' ? 'Mandatory' : t === 'optional' ? 'Optional' : t === 'serialize' ? 'Serialize' : text;
}

/** A role as Pacemaker writes it (Master, Slave, Started, Promoted): CIBs of heartbeat 2 wrote them lower-case. */
export const roleName = (r: string): string => r.charAt(0).toUpperCase() + r.slice(1).toLowerCase();
