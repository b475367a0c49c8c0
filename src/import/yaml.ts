import { Document, isMap, isSeq, visit, type Node } from 'yaml';
import type { ClusterInput } from '../model/cluster.js';
import { formatImportItem, type ImportItem } from './report.js';

/** Maps and lists this short (as flow text) print on one line, as the shipped stacks write small things. */
const FLOW_WIDTH = 100;

/**
 * The stack as YAML in the shipped stacks' style: the `$schema` comment for editors, small maps and lists inline,
 * and at the end what the stack could not say, as comments (kept, never dropped silently; not read by hactl).
 */
export function stackYaml(input: ClusterInput, schemaPath: string, header: string[], passthrough: readonly ImportItem[]): string {
  const doc = new Document(input);
  visit(doc, {
    Map(_key, node, path) {
      if (path.length > 2 && fits(doc, node)) node.flow = true;
    },
    Seq(_key, node, path) {
      if (path.length > 1 && fits(doc, node)) node.flow = true;
    },
  });
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: true, blockQuote: 'literal' }).trimEnd();
  const tail = passthrough.length
    ? ['', '# Kept from the source, not expressible in the stack (hactl does not render these; see the import report):', ...passthrough.map((i) => `#   ${formatImportItem(i).replace(/\n/g, '\n#     ')}`)]
    : [];
  return [`# yaml-language-server: $schema=${schemaPath}`, ...header.map((h) => `# ${h}`), body, ...tail, ''].join('\n');
}

function fits(doc: Document, node: Node): boolean {
  if (!isMap(node) && !isSeq(node)) return false;
  const json = JSON.stringify(node.toJSON(doc));
  if (json.length > FLOW_WIDTH || json.includes('\\n')) return false;
  // a list of maps reads better as a block list
  return !(isSeq(node) && node.items.some((i) => isMap(i)) && node.items.length > 1);
}
