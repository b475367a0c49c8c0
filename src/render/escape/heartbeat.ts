import { refuse, unsafeValue } from './unsafe.js';

/*
 * heartbeat's own files. ha.cf: `directive value...` per line, # starts a comment anywhere. haresources: per line a
 * node and resources split at whitespace, a resource's arguments joined with `::`. authkeys: `N method key`, the key
 * one word.
 */
const COMMENT: [RegExp, string] = [/#/, '# starts a comment'];

/** The value of an ha.cf directive (respawn commands, apiauth entries, paths). */
export function haCfValue(value: string, path?: string): string {
  return refuse(value, path, 'ha.cf', [COMMENT]);
}

/** One argument of a haresources resource (`Filesystem::/dev/drbd0::/data::ext3`). */
export function haresourcesArg(value: string, path?: string): string {
  refuse(value, path, 'haresources', [[/\s/, 'resources are split at spaces'], [/::/, ':: separates arguments'], COMMENT]);
  if (value === '') throw unsafeValue(path, 'haresources', 'the value is empty');
  return value;
}

/** The key of an authkeys line. */
export function authkeysKey(value: string, path?: string): string {
  return refuse(value, path, 'authkeys', [[/\s/, 'the key is one word: heartbeat stops reading it at a space'], COMMENT]);
}
