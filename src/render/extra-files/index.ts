import type { Renderer } from '../artifact.js';

/** The stack's own files (notify scripts, dummy pages...), on the nodes they name or on every node. */
export const extraFilesRenderer: Renderer = {
  id: 'extra-files',
  description: 'files listed under files: in the stack',
  applies: (model) => model.files.length > 0,
  render({ model }) {
    return model.files.flatMap((file) =>
      model.nodes
        .filter((node) => !file.nodes || file.nodes.includes(node.name))
        .map((node) => ({
          node: node.name,
          path: file.target,
          content: file.content,
          mode: file.mode!.padStart(4, '0'),
          owner: file.owner ?? 'root:root',
          // a script is parsed and linted like the scripts hactl writes itself
          checker: file.content.startsWith('#!') ? ('shell' as const) : ('none' as const),
          origin: `${file.path}.path`,
        })),
    );
  },
};
