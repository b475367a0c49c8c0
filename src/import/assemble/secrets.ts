import type { SecretRef } from '../../secrets/source.js';
import type { Where } from '../located.js';
import { item } from '../report.js';
import type { Assembly } from './context.js';

export interface SecretOptions {
  /**
   * env: references to environment variables (the values are printed once by the CLI); file: references to files
   * under dir (relative to the stack), which the CLI writes with mode 0600.
   */
  mode: 'env' | 'file';
  dir: string;
}

/** The reference a secret gets in the stack; its value only ever goes to Assembly.secrets. */
export function keepSecret(a: Assembly, options: SecretOptions, s: { name: string; env: string; what: string; path: string; value: string; where: Where }): SecretRef {
  const existing = a.secrets.find((x) => x.path === s.path);
  if (!existing) a.secrets.push({ what: s.what, path: s.path, value: s.value, where: s.where, name: s.name, env: s.env });
  a.items.push(item('secret', 'secret-reference', s.what, { where: s.where, path: s.path, why: options.mode === 'env' ? `set ${s.env} when you run hactl` : `value in ${options.dir}/${s.name} (mode 0600)` }));
  return options.mode === 'env' ? { env: s.env } : { file: `${options.dir}/${s.name}` };
}
