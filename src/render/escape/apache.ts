import { refuse } from './unsafe.js';

/*
 * Apache httpd configuration: a directive per line, arguments split at spaces, "..." keeps one argument together;
 * a section's argument ends at `>`.
 */
const FORMAT = 'the Apache configuration';
const BARE = /^[A-Za-z0-9_./:@%+=,~-]+$/;

export function apacheArg(value: string, path?: string): string {
  if (BARE.test(value)) return value;
  refuse(value, path, FORMAT, [
    [/"/, 'a double quote ends the argument'],
    [/\\/, 'a backslash is an escape character for httpd'],
    [/>/, '> ends a section line'],
  ]);
  return `"${value}"`;
}
