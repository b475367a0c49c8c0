import type { RenderedFile, Renderer } from '../artifact.js';
import { drbdResourceView } from './view.js';

const service = { name: 'drbd', action: 'reload' } as const;

/** /etc/drbd.conf (includes drbd.d/*.res) and one .res per DRBD resource, on every node that holds a replica. */
export const drbdRenderer: Renderer = {
  id: 'drbd',
  description: 'drbd.conf and /etc/drbd.d/<resource>.res in DRBD 8.4 or 9 syntax',
  applies: (model) => model.drbd.length > 0,
  render({ model, templates }) {
    const files: RenderedFile[] = [];
    for (const node of model.nodes) {
      const resources = model.drbd.filter((d) => d.hosts.some((h) => h.node === node.name));
      if (resources.length === 0) continue;
      const common = { node: node.name, mode: '0644', owner: 'root:root', service, checker: 'drbd' } as const;
      files.push({ ...common, path: '/etc/drbd.conf', content: templates.render('drbd/drbd.conf', {}) });
      for (const resource of resources) {
        files.push({ ...common, path: `/etc/drbd.d/${resource.name}.res`, content: templates.render('drbd/resource.res', drbdResourceView(resource)) });
      }
    }
    return files;
  },
};
