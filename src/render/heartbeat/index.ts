import type { ClusterModel } from '../../model/model.js';
import type { RenderedFile, Renderer } from '../artifact.js';
import { authkeysLines } from './authkeys.js';
import { haCfView } from './ha-cf.js';
import { haresourcesLines } from './haresources.js';

const usesHeartbeat = (model: ClusterModel) =>
  model.heartbeat !== undefined && (model.runtime === 'heartbeat' || (model.runtime === 'pacemaker' && model.pacemaker?.messaging === 'heartbeat'));

/** /etc/ha.d per node: ha.cf, authkeys, and haresources when heartbeat itself runs the resources (v1). */
export const heartbeatRenderer: Renderer = {
  id: 'heartbeat',
  description: 'heartbeat ha.cf (v1 or crm mode), haresources, authkeys',
  applies: usesHeartbeat,
  render({ model, profile, secrets, templates }) {
    const hb = model.heartbeat!;
    const dir = profile.haDir;
    const authkeys = templates.render('heartbeat/authkeys', { lines: authkeysLines(model, secrets) });
    const haresources = model.runtime === 'heartbeat' ? templates.render('heartbeat/haresources', { cluster: model.cluster, lines: haresourcesLines(model) }) : undefined;
    return model.nodes.flatMap((node): RenderedFile[] => {
      const files: RenderedFile[] = [
        {
          node: node.name,
          path: `${dir}/ha.cf`,
          content: templates.render('heartbeat/ha.cf', haCfView(model, hb, node, profile)),
          mode: '0644',
          owner: 'root:root',
          service: { name: 'heartbeat', action: 'restart' },
          checker: 'heartbeat',
        },
        // heartbeat re-reads authkeys on reload; a restart would fail resources over
        { node: node.name, path: `${dir}/authkeys`, content: authkeys, mode: '0600', owner: 'root:root', service: { name: 'heartbeat', action: 'reload' }, secret: true, checker: 'heartbeat' },
      ];
      if (haresources !== undefined) {
        files.push({ node: node.name, path: `${dir}/haresources`, content: haresources, mode: '0644', owner: 'root:root', service: { name: 'heartbeat', action: 'reload' }, checker: 'heartbeat' });
      }
      return files;
    });
  },
};
