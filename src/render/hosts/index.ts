import type { Renderer } from '../artifact.js';
import { hostName } from '../escape/hosts.js';

/** /etc/hosts with every node's name, so heartbeat/corosync node names resolve the same on all nodes. */
export const hostsRenderer: Renderer = {
  id: 'hosts',
  description: '/etc/hosts with the cluster nodes',
  applies: (model) => model.hosts !== undefined,
  render({ model, templates }) {
    const network = model.hosts?.network ?? 'service';
    const entries = model.nodes.map((node) => {
      const nic = node.nics.find((n) => n.role === network || n.role === 'both') ?? node.nics[0]!;
      return { ip: nic.address, names: node.name };
    });
    (model.hosts?.extra ?? []).forEach((extra, i) => {
      entries.push({ ip: extra.ip, names: extra.names.map((name, j) => hostName(name, `hosts.extra[${i}].names[${j}]`)).join(' ') });
    });
    const content = templates.render('hosts/hosts', { cluster: model.cluster, entries });
    return model.nodes.map((node) => ({
      node: node.name,
      path: '/etc/hosts',
      content,
      mode: '0644',
      owner: 'root:root',
      checker: 'hosts',
    }));
  },
};
