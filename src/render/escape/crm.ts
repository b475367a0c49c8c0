import { refuse, unsafeValue } from './unsafe.js';

/*
 * crm configure scripts (crmsh): a statement per line (a trailing \ continues it), words split shell-like, values in
 * double quotes with \\ and \" escaped. Names (ids, attribute names) are bare words crmsh and the CIB both accept.
 */
const FORMAT = 'the crm configure script';
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/** A value in double quotes; a line break would end the statement and start another (`primitive evil ...`). */
export function crmQuote(value: string, path?: string): string {
  refuse(value, path, FORMAT);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** An attribute or property name, written bare before `=`. */
export function crmName(name: string, path?: string): string {
  refuse(name, path, FORMAT);
  if (!NAME.test(name)) throw unsafeValue(path, FORMAT, 'a name is a letter or _, then letters, digits, _ . : or -');
  return name;
}
