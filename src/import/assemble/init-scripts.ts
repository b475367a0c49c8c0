import type { Where } from '../located.js';
import { parseJobScript } from '../parse/init-script.js';
import { item } from '../report.js';
import { findFile } from '../source/classify.js';
import type { Assembly, NodeConfig } from './context.js';
import { compact, type PrimitiveInput } from './draft.js';

/**
 * An init script a resource names: hactl's own job script reads back as the exec resource it was rendered from;
 * any other stays a service (the distribution's script, or one kept under files: by the caller).
 */
export function initScriptResource(a: Assembly, node: NodeConfig, name: string, hintName: string | undefined, where: Where, kind: 'service' | 'lsb' = 'service'): PrimitiveInput {
  const script = findFile(node.others, `/etc/init.d/${name}`);
  const job = script ? parseJobScript(script.bytes.toString('utf8')) : undefined;
  if (script && job) {
    for (const n of a.nodes) {
      const own = findFile(n.others, `/etc/init.d/${name}`);
      if (own) a.consumed.add(own);
    }
    a.items.push(item('changed', 'job-script', `/etc/init.d/${name}`, { where, why: 'hactl’s job script: the stack says its commands (exec with initScript)' }));
    return compact({ exec: { ...job, initScript: true }, name: name === 'exec' ? undefined : name }) as PrimitiveInput;
  }
  if (script) a.referenced.push(`/etc/init.d/${name}`);
  return compact({ [kind]: name, name: hintName && hintName !== name ? hintName : undefined }) as unknown as PrimitiveInput;
}
