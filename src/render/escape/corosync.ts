import { refuse } from './unsafe.js';

/*
 * corosync.conf: `key: value` per line; a line holding { opens a section and one holding } closes it, wherever the
 * brace stands, and the value is trimmed.
 */
export function corosyncValue(value: string, path?: string): string {
  return refuse(value, path, 'corosync.conf', [
    [/[{}]/, 'a brace opens or closes a corosync section'],
    [/^\s|\s$/, 'corosync trims spaces at the ends of a value'],
  ]);
}
