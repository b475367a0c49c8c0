import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, type Parsed, type Where } from '../located.js';
import { contentLines, joinContinuations } from './text.js';

export interface HaToken {
  /** the resource script (IPaddr, Filesystem, an init script), or `IPaddr` for a bare address */
  name: string;
  args: string[];
  text: string;
  where: Where;
}

export interface HaLine {
  node: string;
  resources: HaToken[];
  raw: string;
  where: Where;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(\/.*)?$/;

/** `NODE res1 res2::arg ...` per line (backslash continues a line), each resource split at `::` as heartbeat does. */
export function parseHaresources(text: string, file: string): Parsed<HaLine[]> {
  const issues: Diagnostic[] = [];
  const lines: HaLine[] = [];
  for (const l of joinContinuations(contentLines(text))) {
    const where = at(file, l.line, l.column);
    const words = l.content.split(/\s+/);
    const [node, ...rest] = words;
    if (!rest.length) {
      issues.push(sourceError('import-syntax', where, `node ${node} lists no resources`));
      continue;
    }
    let offset = node!.length;
    const resources = rest.map((token): HaToken => {
      offset = l.content.indexOf(token, offset);
      const tokenWhere = at(file, l.line, l.column + offset);
      offset += token.length;
      const [head = '', ...args] = token.split('::');
      return IPV4.test(head) && args.length === 0 ? { name: 'IPaddr', args: [head], text: token, where: tokenWhere } : { name: head, args, text: token, where: tokenWhere };
    });
    lines.push({ node: node!, resources, raw: l.raw, where });
  }
  return { value: lines, issues };
}
