import { HactlError, error } from '../../diagnostics/index.js';
import type { RenderedFile, Renderer } from '../artifact.js';
import { resolveSecret } from '../resolve-secret.js';
import { corosyncAuthkey } from './authkey.js';
import { corosyncView, needsAuthkey } from './view.js';

const service = { name: 'corosync', action: 'restart' } as const;

/** corosync.conf per node (1.x whitetank form with udpu members, or corosync 3 with a nodelist) and the authkey it needs. */
export const corosyncRenderer: Renderer = {
  id: 'corosync',
  description: 'corosync.conf (1.x or 3) and /etc/corosync/authkey',
  applies: (model) => model.corosync !== undefined,
  render({ model, secrets, templates }) {
    const corosync = model.corosync!;
    let authkey: string | undefined;
    if (needsAuthkey(corosync)) {
      const ref = model.auth?.keyFrom;
      if (!ref) throw HactlError.from(error('auth-missing', 'auth', 'corosync secauth needs auth.keyFrom to derive /etc/corosync/authkey'));
      authkey = corosyncAuthkey(resolveSecret(secrets, ref, 'auth.keyFrom', 'corosync authkey'), model.cluster, corosync.version);
    }
    const template = corosync.version === 1 ? 'corosync/corosync-1.conf' : 'corosync/corosync-3.conf';
    return model.nodes.flatMap((node): RenderedFile[] => {
      const conf: RenderedFile = {
        node: node.name,
        path: '/etc/corosync/corosync.conf',
        content: templates.render(template, corosyncView(model, corosync, node.name)),
        mode: '0644',
        owner: 'root:root',
        service,
        checker: 'corosync',
      };
      if (authkey === undefined) return [conf];
      const key: RenderedFile = { node: node.name, path: '/etc/corosync/authkey', content: authkey, mode: '0400', owner: 'root:root', service, secret: true, checker: 'corosync' };
      return [conf, key];
    });
  },
};
