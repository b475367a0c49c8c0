import type { ClusterModel } from '../model/model.js';
import type { SecretRef } from '../secrets/source.js';

const HIDDEN = '[redacted]';

/** A key written inline in the stack is replaced; env and file references name where the key is, not the key. */
const hide = (ref: SecretRef): SecretRef => ('value' in ref ? { value: HIDDEN } : ref);

/**
 * model.json next to the rendered tree (mode 0644, like manifest.json): the resolved model for tools and humans,
 * without the keys themselves, which belong only in the secret files that need them.
 */
export function modelDump(model: ClusterModel): string {
  const safe: ClusterModel = {
    ...model,
    auth: model.auth && (model.auth.keyFrom ? { ...model.auth, keyFrom: hide(model.auth.keyFrom) } : model.auth),
    vrrp: model.vrrp.map((v) => (v.auth ? { ...v, auth: { ...v.auth, passFrom: hide(v.auth.passFrom) } } : v)),
  };
  return `${JSON.stringify(safe, null, 2)}\n`;
}
