import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import type { Check } from '../check.js';
import { authkeysKey } from '../../render/escape/heartbeat.js';
import { checkSecret, formatProblems } from '../secrets.js';
import { usesHeartbeatMessaging } from '../support.js';

/** Heartbeat messaging (heartbeat, pacemaker on heartbeat, the agent) drops every packet without a shared authkeys entry. */
export const checkAuthPresent: Check = (model) => {
  if (model.auth || !usesHeartbeatMessaging(model)) return [];
  const messaging = model.runtime === 'pacemaker' ? 'pacemaker on heartbeat' : `runtime ${model.runtime}`;
  return [error('auth-missing', 'auth', `${messaging} needs auth (authkeys) but the stack has no auth section`)];
};

export const checkAuthMethod: Check = (model, context) => {
  const auth = model.auth;
  if (!auth) return [];
  const out: Diagnostic[] = [];
  if (auth.method === 'crc') {
    const message = 'auth method crc only detects corruption: any host on the interconnect can join or forge heartbeats';
    // heartbeat clusters in service use `1 crc` and must keep reading it; the bundled agent has no such past to be compatible with
    out.push(model.runtime === 'agent' ? error('auth-crc', 'auth.method', `${message}; the agent runtime needs a keyed method`) : warning('auth-crc', 'auth.method', message));
    return out;
  }
  // corosync reads only the key (knet crypto hashes with sha256 whatever the method says): sha256 is wrong where authkeys is read
  const readsAuthkeys = model.runtime === 'heartbeat' || (model.runtime === 'pacemaker' && model.pacemaker?.messaging === 'heartbeat');
  if (auth.method === 'sha256' && readsAuthkeys) {
    out.push(error('auth-method-runtime', 'auth.method', `auth method sha256 is not understood by heartbeat: its authkeys know crc, md5 and sha1 (runtime ${model.runtime})`));
  }
  if (!auth.keyFrom) {
    out.push(error('auth-secret-missing', 'auth', `auth method ${auth.method} needs a key: add keyFrom: { env: ... } or { file: ..., generate: true }`));
    return out;
  }
  const secret = checkSecret(auth.keyFrom, 'auth.keyFrom', `the ${auth.method} key`, context);
  out.push(...secret.diagnostics);
  if (secret.value !== undefined && readsAuthkeys) out.push(...formatProblems(() => authkeysKey(secret.value!, 'auth.keyFrom')));
  return out;
};
