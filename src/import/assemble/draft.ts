import type { ClusterInput } from '../../model/cluster.js';
import { formatCrmDuration, toMs } from '../../model/duration.js';

/** The stack being built: the input shape, filled section by section. */
export type Draft = Omit<ClusterInput, 'nodes'> & { nodes: ClusterInput['nodes'] };
export type NodeInput = ClusterInput['nodes'][string];
export type ResourceInput = NonNullable<ClusterInput['resources']>[number];
export type PrimitiveInput = Exclude<ResourceInput, { group: string }>;

/** A duration as the stacks write it (`2s`, `500ms`). */
export const duration = (ms: number): string => formatCrmDuration(ms);

/** Milliseconds of a Pacemaker interval/timeout (`10s`, `10`, `1min`, `500ms`), undefined when not one. */
export function pcmkMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().replace(/min$/, 'm').replace(/sec$/, 's').replace(/msec$/, 'ms');
  return /^\d+(\.\d+)?(ms|s|m|h)?$/.test(t) ? toMs(t) : undefined;
}

/** Drops undefined fields, so defaults left out do not show as `key: null`. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const DEFAULT_NAMES: Record<string, (p: PrimitiveInput) => string> = {
  vip: (p) => `vip_${String((p as { vip: string }).vip).split('/')[0]!.replace(/\./g, '_')}`,
  apache: () => 'httpd',
  tomcat: () => 'tomcat',
  drbd: (p) => `drbd_${String((p as { drbd: string }).drbd)}`,
  filesystem: (p) => `fs_${(p as { filesystem: { directory: string } }).filesystem.directory.replace(/^\//, '').replace(/[^A-Za-z0-9]+/g, '_') || 'root'}`,
  service: (p) => String((p as { service: string }).service),
  lsb: (p) => String((p as { lsb: string }).lsb),
  systemd: (p) => String((p as { systemd: string }).systemd).replace(/\.service$/, ''),
  ocf: (p) => String((p as { ocf: string }).ocf).split(':')[1]!,
  exec: () => 'exec',
};

/** `name:` only where the id is not the one the stack derives. */
export function named(p: PrimitiveInput, id: string): PrimitiveInput {
  const kind = Object.keys(DEFAULT_NAMES).find((k) => k in p);
  const r = p as Record<string, unknown>;
  if (kind && DEFAULT_NAMES[kind]!(p) === id) {
    delete r.name;
    return p;
  }
  const { name: _drop, ...rest } = r;
  const [first, ...others] = Object.entries(rest);
  return Object.fromEntries([first!, ['name', id], ...others]) as PrimitiveInput;
}

