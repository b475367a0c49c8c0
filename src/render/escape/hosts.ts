import { refuse, unsafeValue } from './unsafe.js';

/* /etc/hosts: an address and names split at whitespace, # starts a comment. Names are host names, nothing else. */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function hostName(value: string, path?: string): string {
  refuse(value, path, '/etc/hosts');
  if (!HOST_NAME.test(value)) throw unsafeValue(path, '/etc/hosts', 'a name is labels of letters, digits and -, separated by dots');
  return value;
}
