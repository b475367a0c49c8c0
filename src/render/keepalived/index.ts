import type { Renderer } from '../artifact.js';
import { keepalivedView } from './view.js';

/** /etc/keepalived/keepalived.conf for every node that takes part in a VRRP instance. */
export const keepalivedRenderer: Renderer = {
  id: 'keepalived',
  description: 'keepalived.conf: global_defs, vrrp_script and vrrp_instance blocks per node',
  applies: (model) => model.vrrp.length > 0,
  render({ model, secrets, templates }) {
    const members = model.nodes.filter((node) => model.vrrp.some((v) => v.nodes.some((n) => n.node === node.name)));
    return members.map((node) => {
      const view = keepalivedView(model, node.name, secrets);
      return {
        node: node.name,
        path: '/etc/keepalived/keepalived.conf',
        content: templates.render('keepalived/keepalived.conf', view),
        mode: view.hasSecret ? '0600' : '0644',
        owner: 'root:root',
        service: { name: 'keepalived', action: 'reload' },
        secret: view.hasSecret,
        checker: 'keepalived',
      };
    });
  },
};
