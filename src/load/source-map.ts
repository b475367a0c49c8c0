import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import type { SourceLocation } from '../diagnostics/index.js';

/** Path segments of `resources[2].members[0].vip` → ['resources', 2, 'members', 0, 'vip']. */
export function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

export function formatPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}

/** Where a model path (`resources[2].members[0].vip`) was written in a stack's source. */
export interface StackSources {
  locate(path: string | undefined, at?: 'key' | 'value'): SourceLocation | undefined;
}

/** A stack known only by its file (data handed in, or a source that could not be read): line and column 0. */
export const fileOnly = (file: string): StackSources => ({ locate: () => ({ file, line: 0, column: 0 }) });

/** Finds where a model path stands in the YAML source; a missing tail points at the nearest existing parent. */
export class SourceMap implements StackSources {
  constructor(
    private readonly file: string,
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter | undefined,
  ) {}

  locate(path: string | undefined, at: 'key' | 'value' = 'value'): SourceLocation | undefined {
    if (!this.doc || !this.lines) return { file: this.file, line: 0, column: 0 };
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    const segments = path ? parsePath(path) : [];
    for (const [i, segment] of segments.entries()) {
      const last = i === segments.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const keyStart = rangeStart(pair.key);
        const valueStart = rangeStart(pair.value);
        offset = (last && at === 'key' ? keyStart : (valueStart ?? keyStart)) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        node = node.items[segment];
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }
}

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | undefined)?.range?.[0];
}
