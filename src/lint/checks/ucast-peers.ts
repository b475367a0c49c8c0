import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import type { Check } from '../check.js';

/** The classic ha.cf mistake: each node's ucast line must name the *other* node's interconnect address. */
export const checkUcastPeers: Check = (model) => {
  const out: Diagnostic[] = [];
  for (const link of model.heartbeat?.links ?? []) {
    if (link.mode !== 'ucast') continue;
    for (const [nodeName, peer] of Object.entries(link.explicitPeers)) {
      const node = model.nodes.find((n) => n.name === nodeName);
      const path = `${link.path}.peers.${nodeName}`;
      if (!node) {
        out.push(error('unknown-reference', path, `node '${nodeName}' is not defined`));
        continue;
      }
      if (node.nics.some((nic) => nic.address === peer)) {
        out.push(error('ucast-peer-is-self', path, `ucast peer ${peer} is ${nodeName}'s own address`));
        continue;
      }
      const owner = model.nodes.find((n) => n !== node && n.nics.some((nic) => nic.name === link.nic && nic.address === peer));
      if (!owner) out.push(warning('ucast-peer-unknown', path, `no other node has ${peer} on ${link.nic}`));
    }
  }
  return out;
};
