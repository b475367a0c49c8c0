import { AGENT_CONFIG_PATH } from '../../agent/config/paths.js';
import type { Renderer } from '../artifact.js';
import { agentDocument } from './document.js';

/** The bundled agent's config on every node: it carries the resolved cluster key, so root-only. */
export const agentConfigRenderer: Renderer = {
  id: 'agent-config',
  description: `the bundled agent's ${AGENT_CONFIG_PATH}`,
  applies: (model) => model.runtime === 'agent',
  render({ model, secrets }) {
    // JSON.stringify is the one escaper of this format; the document is typed against the agent's own schema.
    const content = `${JSON.stringify(agentDocument(model, secrets), null, 2)}\n`;
    return model.nodes.map((node) => ({
      node: node.name,
      path: AGENT_CONFIG_PATH,
      content,
      mode: '0600',
      owner: 'root:root',
      service: { name: 'hactl-agent', action: 'restart' },
      secret: true,
      checker: 'agent',
    }));
  },
};
