import { refuse } from '../../render/escape/unsafe.js';

/*
 * Graphviz DOT: IDs are double-quoted strings, where only `"` needs a backslash (and a backslash before it would
 * start an escape); labels take `\n` for a line break. Mermaid: labels go in `["..."]`, where `"` cannot be escaped
 * with a backslash but is written as the entity `#quot;`; node ids are our own words.
 */
export function dotString(value: string): string {
  refuse(value, undefined, 'DOT');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Several lines as one DOT label (each line escaped, joined by DOT's own line break). */
export function dotLabel(lines: readonly string[]): string {
  return `"${lines.map((l) => dotString(l).slice(1, -1)).join('\\n')}"`;
}

export function mermaidLabel(lines: readonly string[]): string {
  for (const l of lines) refuse(l, undefined, 'Mermaid');
  return `"${lines.map((l) => l.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')).join('<br/>')}"`;
}

/** A Mermaid node id from one of our names: letters, digits and _ only, prefixed so kinds never collide. */
export function mermaidId(kind: string, name: string): string {
  return `${kind}_${name.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}
