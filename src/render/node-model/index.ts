import type { ClusterModel } from '../../model/model.js';
import type { Renderer } from '../artifact.js';
import { modelDump } from '../model-dump.js';

/** Where a node keeps the cluster hactl rendered for it, so `hactl is-active GROUP` on the node needs no stack. */
export const CLUSTER_JSON_PATH = '/etc/hactl/cluster.json';

/**
 * The resolved model on every node (keys left out, like model.json; the stack's own file contents too, which the
 * nodes have as files already): a job on a node asks hactl whether its group runs here, whatever the runtime.
 */
export const nodeModelRenderer: Renderer = {
  id: 'node-model',
  description: `${CLUSTER_JSON_PATH}: the cluster as rendered, for hactl on the node (is-active, status)`,
  applies: () => true,
  render({ model }) {
    const light: ClusterModel = { ...model, files: model.files.map((f) => ({ ...f, content: '' })) };
    const content = modelDump(light);
    return model.nodes.map((node) => ({ node: node.name, path: CLUSTER_JSON_PATH, content, mode: '0644', owner: 'root:root' }));
  },
};
