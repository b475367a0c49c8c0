import { HactlError, error } from '../../diagnostics/index.js';
import type { ClusterModel } from '../../model/model.js';
import type { SecretSource } from '../../secrets/source.js';
import { authkeysKey } from '../escape/heartbeat.js';
import { resolveSecret } from '../resolve-secret.js';

/** `auth 1` and the key line; crc carries no key (and authenticates nothing, which lint warns about). */
export function authkeysLines(model: ClusterModel, secrets: SecretSource): string[] {
  const auth = model.auth;
  if (!auth) throw HactlError.from(error('auth-missing', 'auth', 'heartbeat needs an authkeys method'));
  if (auth.method === 'sha256') {
    throw HactlError.from(error('auth-method-runtime', 'auth.method', 'heartbeat authkeys supports crc, md5 and sha1, not sha256'));
  }
  if (auth.method === 'crc') return ['auth 1', '1 crc'];
  if (!auth.keyFrom) throw HactlError.from(error('auth-secret-missing', 'auth.keyFrom', `${auth.method} needs a key: add keyFrom`));
  const key = resolveSecret(secrets, auth.keyFrom, 'auth.keyFrom', `the ${auth.method} key`);
  return ['auth 1', `1 ${auth.method} ${authkeysKey(key, 'auth.keyFrom')}`];
}
