import { refuse, unsafeValue } from './unsafe.js';

/*
 * iptables-save files: one rule per line. iptables-restore splits a line into words; "..." keeps one word together
 * and inside it \" and \\ stand for " and \ (its add_param_to_argv, the same since the 1.4 releases of centos6).
 * The kernel keeps at most 255 bytes of a comment.
 */
const FORMAT = 'iptables rules';
const MAX_COMMENT_BYTES = 255;

export function iptComment(value: string, path?: string): string {
  refuse(value, path, FORMAT);
  if (Buffer.byteLength(value) > MAX_COMMENT_BYTES) throw unsafeValue(path, FORMAT, `a comment is at most ${MAX_COMMENT_BYTES} bytes`);
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
