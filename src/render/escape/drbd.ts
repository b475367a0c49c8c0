import { refuse, unsafeValue } from './unsafe.js';

/*
 * DRBD resource files: words ended by `;`, blocks in braces, # comments; anything beyond a plain word goes in
 * double quotes (drbdadm's scanner takes "..." as one string).
 */
const FORMAT = 'DRBD configuration';
const BARE = /^[A-Za-z0-9_./:+@-]+$/;

export function drbdValue(value: string, path?: string): string {
  if (BARE.test(value)) return value;
  refuse(value, path, FORMAT, [
    [/"/, 'a double quote ends the string'],
    [/\\/, 'a backslash is an escape character for drbdadm'],
  ]);
  if (value === '') throw unsafeValue(path, FORMAT, 'the value is empty');
  return `"${value}"`;
}

/** meta-disk: `internal`, or a device and an optional [index] (two words, not one string). */
export function drbdMetaDisk(value: string, path?: string): string {
  const m = /^(\S+)(?: (\[[0-9]+\]))?$/.exec(value);
  if (!m) throw unsafeValue(path, FORMAT, 'meta-disk is internal or a device with an optional [index]');
  return m[2] ? `${drbdValue(m[1]!, path)} ${m[2]}` : drbdValue(m[1]!, path);
}
