import type { Renderer } from '../artifact.js';
import { agentDocument } from './document.js';

export const AGENT_CONFIG_FILE = '/etc/hactl/agent.json';

/** The bundled agent's config on every node: it carries the resolved cluster key, so root-only. */
export const agentConfigRenderer: Renderer = {
  id: 'agent-config',
  description: `the bundled agent's ${AGENT_CONFIG_FILE}`,
  applies: (model) => model.runtime === 'agent',
  render({ model, secrets, templates }) {
    const content = templates.render('agent/agent.json', { document: JSON.stringify(agentDocument(model, secrets), null, 2) });
    return model.nodes.map((node) => ({
      node: node.name,
      path: AGENT_CONFIG_FILE,
      content,
      mode: '0600',
      owner: 'root:root',
      service: { name: 'hactl-agent', action: 'restart' },
      secret: true,
      checker: 'agent',
    }));
  },
};
