import { refuse } from './unsafe.js';

/*
 * Shell scripts hactl renders (LSB init scripts, heartbeat monitor loops). Data is single-quoted, so the shell
 * expands nothing in it. The stack's commands (exec start/stop/status) are shell code by contract; they are written
 * as one single-quoted string handed to eval, so nothing in them (a `}`, a `;`) can end the function they run in or
 * run when the script is merely loaded.
 */
const FORMAT = 'a shell script';

/** Single-quoted for the shell: one word, nothing expanded. */
export function shellQuote(value: string, path?: string): string {
  refuse(value, path, FORMAT);
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command from the stack, run where this line stands and nowhere else. */
export function shellCommand(value: string, path?: string): string {
  return `eval ${shellQuote(value, path)}`;
}
