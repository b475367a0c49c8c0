import { describeKey } from './auth.js';
import { blocked, changed, mapped, type TranslationItem } from './report.js';
import { nodeNames } from './stack.js';
import type { Translation } from './translation.js';

/** corosync 3 cannot read 1.x files: same ring NIC and port, knet instead of udpu/udp, votequorum instead of expected votes. */
export const corosync1To3: Translation = {
  id: 'corosync1-to-3',
  from: 'pacemaker-corosync1',
  to: 'pacemaker-corosync3',
  title: 'corosync 1.x (udpu, udp) → corosync 3 (knet)',
  apply(draft) {
    const c = draft.corosync!;
    const transport = c.transport ?? 'udpu';
    const items: TranslationItem[] = [
      changed('corosync.version', 'corosync-3', 'corosync 1.x (compatibility: whitetank, service { name: pacemaker }) → corosync 3 with a nodelist', 'corosync 3 cannot read 1.x files, and Pacemaker 2 starts as its own service instead of a corosync plugin'),
      changed('corosync.transport', 'udpu-to-knet', `${transport} → knet (link 0 on ${c.interconnect ?? 'the interconnect NIC'}, udp ${c.mcastport ?? 5405})`, `knet is corosync 3's transport: unicast like ${transport === 'udpu' ? 'udpu' : 'udpu, without the multicast group udp needed'}, several links per node, and the only transport that can encrypt`),
    ];
    if (c.ttl !== undefined) items.push(changed('corosync.ttl', 'ttl-dropped', `ttl ${c.ttl} dropped`, 'it bounded multicast hops; knet sends unicast only'));
    if (c.token === undefined) {
      items.push(changed('corosync', 'token-default', 'token timeout 1000 ms (1.x default) → 3000 ms (corosync 3 default)', "corosync 3's default, which it chose for knet; set corosync.token to keep 1000 ms"));
    } else items.push(mapped('corosync.token', 'token', `token ${c.token}`, 'same meaning in both versions'));
    const secauth = c.secauth ?? false;
    const keyFrom = draft.auth?.keyFrom;
    if (secauth && !keyFrom) {
      items.push(blocked('corosync.secauth', 'secauth-key', 'secauth on without auth.keyFrom', 'corosync 3 derives /etc/corosync/authkey from auth.keyFrom: add it'));
    } else if (secauth && keyFrom) {
      items.push(changed('corosync.secauth', 'knet-crypto', `secauth on → knet crypto (crypto_hash sha256, crypto_cipher aes256) keyed from ${describeKey(keyFrom)}`, 'corosync 3 encrypts only on knet, with a key of at least 128 bytes (rendered anew from the same key)'));
      draft.auth = { method: 'sha256', keyFrom };
    } else {
      items.push(mapped('corosync.secauth', 'knet-no-crypto', 'secauth off → knet without crypto', 'the source did not sign or encrypt either'));
    }
    if (nodeNames(draft).length === 2 && c.twoNode === undefined) {
      items.push(changed('nodes', 'two-node', 'quorum: corosync votequorum two_node: 1', 'corosync 3 counts quorum itself (1.x left it to Pacemaker and expected-quorum-votes); two_node keeps a lone node quorate once both have met (wait_for_all)'));
    }
    const { ttl: _ttl, ...rest } = c;
    draft.corosync = { ...rest, version: 3, transport: 'knet', secauth };
    return items;
  },
};
