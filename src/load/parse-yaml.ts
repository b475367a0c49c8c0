import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { error, type Diagnostic } from '../diagnostics/index.js';

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  data: unknown;
  diagnostics: Diagnostic[];
}

/**
 * YAML 1.2 core schema, unique keys enforced; syntax errors come back with their position. Only the core tags
 * (`!!str`, `!!int`, `!!map`...) are known: any other tag (`!ruby/object`, `!!binary`, `!!timestamp`) would
 * otherwise be dropped with a warning, or turn a scalar into an object, so it is an error located at the tag.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: 'core', merge: false, resolveKnownTags: false });
  const diagnostics = [...doc.errors, ...doc.warnings].map((e): Diagnostic => {
    const pos = lines.linePos(e.pos[0]);
    const code = e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : e.code === 'TAG_RESOLVE_FAILED' ? 'yaml-unknown-tag' : 'yaml-syntax';
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ...error(code, undefined, message), location: { file, line: pos.line, column: pos.col } };
  });
  if (diagnostics.length) return { doc, lines, data: undefined, diagnostics };
  try {
    return { doc, lines, data: doc.toJS({ maxAliasCount: 100 }), diagnostics };
  } catch (e) {
    // unresolvable aliases (`*key` without `&key`) and alias bombs only surface when the document is converted
    const pos = lines.linePos(aliasOffset(doc, (e as Error).message) ?? 0);
    const located = { ...error('yaml-syntax', undefined, (e as Error).message.split('\n')[0]!), location: { file, line: pos.line, column: pos.col } };
    return { doc, lines, data: undefined, diagnostics: [located] };
  }
}

function aliasOffset(doc: Document, message: string): number | undefined {
  const name = /:\s*\*?([^\s:]+)\s*$/.exec(message)?.[1];
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (found === undefined && (name === undefined || node.source === name.replace(/^\*/, ''))) found = node.range?.[0];
    },
  });
  return found;
}
