import type { ClusterInput } from '../model/cluster.js';
import { changed, mapped, type TranslationItem } from './report.js';
import type { SecretRefInput } from './stack.js';
import type { TranslateContext } from './translation.js';

/** Names a key's source for a report line; never its value. */
export function describeKey(ref: SecretRefInput): string {
  if ('env' in ref) return `env ${ref.env}`;
  if ('file' in ref) return `file ${ref.file}${ref.generate ? ', generated when missing' : ''}`;
  return 'the inline value';
}

/**
 * Where a target that needs a key gets one when the source has none worth keeping: the caller's, else a file next
 * to the new stack that render creates (mode 0600) the first time, as the quickstart does.
 */
export function newKey(input: ClusterInput, ctx: TranslateContext): SecretRefInput {
  return ctx.keyFrom ?? { file: `.hactl/keys/${input.cluster}.key`, generate: true };
}

/** The agent signs its heartbeats with an HMAC: sha256 over the source's key, or over a new one when the source had none. */
export function authForAgent(draft: ClusterInput, ctx: TranslateContext): TranslationItem[] {
  const auth = draft.auth;
  if (auth?.method === 'sha256' && auth.keyFrom) return [mapped('auth', 'auth-sha256', `sha256 with ${describeKey(auth.keyFrom)}`, 'the agent signs heartbeats with HMAC-SHA256')];
  if (auth?.keyFrom && auth.method !== 'crc') {
    draft.auth = { method: 'sha256', keyFrom: auth.keyFrom };
    return [changed('auth.method', 'auth-sha256', `${auth.method} → sha256, same key (${describeKey(auth.keyFrom)})`, `the agent signs heartbeats with HMAC-SHA256; heartbeat's authkeys stop at ${auth.method}`)];
  }
  const keyFrom = newKey(draft, ctx);
  draft.auth = { method: 'sha256', keyFrom };
  const was = !auth ? 'no auth' : auth.method === 'crc' ? 'crc' : `${auth.method} without a key`;
  return [changed('auth', 'auth-new-key', `${was} → sha256 with a new key (${describeKey(keyFrom)})`, 'the agent accepts only heartbeats signed with a key, and crc authenticates nothing')];
}

/**
 * corosync 3 authenticates and encrypts knet traffic with a key (crypto_hash sha256, crypto_cipher aes256), derived by
 * the corosync renderer from auth.keyFrom; without a key it runs without crypto, as unprotected as heartbeat's crc.
 */
export function authForCorosync(draft: ClusterInput): { secauth: boolean; items: TranslationItem[] } {
  const auth = draft.auth;
  if (auth?.keyFrom && auth.method !== 'crc') {
    draft.auth = { method: 'sha256', keyFrom: auth.keyFrom };
    const what = `authkeys ${auth.method} → knet crypto (crypto_hash sha256, crypto_cipher aes256), /etc/corosync/authkey derived from the same key (${describeKey(auth.keyFrom)})`;
    return { secauth: true, items: [changed('auth', 'knet-crypto', what, `corosync 3 signs and encrypts every knet packet; heartbeat's authkeys only signed them with HMAC-${auth.method.toUpperCase()}`)] };
  }
  delete draft.auth;
  const was = auth ? `authkeys ${auth.method}` : 'no authkeys';
  return {
    secauth: false,
    items: [changed('auth', 'knet-no-crypto', `${was} → corosync without crypto (secauth: false)`, `${auth ? 'crc authenticates nothing either' : 'the source had no key'}; give auth.keyFrom to sign and encrypt knet traffic`)],
  };
}
