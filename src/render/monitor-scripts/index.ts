import type { Renderer } from '../artifact.js';
import { monitoredPrimitives } from './select.js';
import { monitorScriptView } from './view.js';

/** The service checks heartbeat v1 respawns (ha.cf `respawn root /usr/local/sbin/ha-chk-NAME.sh`). */
export const monitorScriptsRenderer: Renderer = {
  id: 'monitor-scripts',
  description: 'service check loops for heartbeat v1 that call hb_standby on failure',
  applies: (model) => monitoredPrimitives(model).length > 0,
  render({ model, profile, templates }) {
    return monitoredPrimitives(model).flatMap((m) => {
      const content = templates.render('monitor/ha-chk.sh', monitorScriptView(model, m, profile));
      return model.nodes.map((node) => ({
        node: node.name,
        path: m.path,
        content,
        mode: '0755',
        owner: 'root:root',
        // heartbeat starts respawn children only when it starts
        service: { name: 'heartbeat', action: 'restart' as const },
        checker: 'shell' as const,
      }));
    });
  },
};
