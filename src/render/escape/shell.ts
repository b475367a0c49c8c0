import { refuse } from './unsafe.js';

/*
 * Shell scripts hactl renders (LSB init scripts, heartbeat monitor loops). Data is single-quoted, so the shell
 * expands nothing in it; the stack's commands (exec start/stop/status) are shell code by contract and are written as
 * one line each, so they cannot end the function they sit in on a line of their own.
 */
const FORMAT = 'a shell script';

/** Single-quoted for the shell: one word, nothing expanded. */
export function shellQuote(value: string, path?: string): string {
  refuse(value, path, FORMAT);
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command from the stack, placed as code on a line of its own. */
export function shellCommand(value: string, path?: string): string {
  return refuse(value, path, FORMAT);
}
