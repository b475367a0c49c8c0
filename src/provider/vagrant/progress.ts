import type { MachineRecord } from '../../host-tools/vagrant-machine-readable.js';

/** What `vagrant up/destroy` reports, per machine, without the thousands of progress-bar updates. */
export type VagrantProgressEvent =
  | { type: 'machine-action'; node: string; action: string; phase: 'start' | 'end' }
  | { type: 'machine-message'; node: string; level: string; message: string }
  | { type: 'vagrant-error'; node?: string; kind: string; message: string };

const NOISE = [/^Progress: \d+%/, /^\s*$/];
const MESSAGE_LEVELS = new Set(['info', 'output', 'detail', 'success', 'warn', 'error']);

/** Turns one machine-readable record into an event, or undefined for noise and metadata. */
export function progressEvent(record: MachineRecord): VagrantProgressEvent | undefined {
  const [first = '', ...rest] = record.data;
  if (record.type === 'error-exit') return { type: 'vagrant-error', ...(record.target ? { node: record.target } : {}), kind: first, message: rest.join(',').trim() };
  if (record.type === 'action' && record.target && (rest[0] === 'start' || rest[0] === 'end')) {
    return { type: 'machine-action', node: record.target, action: first, phase: rest[0] };
  }
  if (record.type !== 'ui' || !MESSAGE_LEVELS.has(first)) return undefined;
  const text = rest.join(',');
  const node = record.target || /^==> ([^:]+): /.exec(text)?.[1] || '';
  // every line of a message repeats the machine's name: `==> lb1: ` for info, `    lb1: ` for details
  const prefix = node ? new RegExp(`^(?:==> |\\s*)${node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ?`, 'gm') : /^==> [^:]+: /gm;
  const message = text.replace(prefix, '').trim();
  if (NOISE.some((n) => n.test(message))) return undefined;
  return { type: 'machine-message', node, level: first, message };
}
