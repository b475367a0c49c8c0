import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, sourceWarning, type Parsed, type Where } from '../located.js';
import { contentLines } from './text.js';

export interface Authkeys {
  method: 'crc' | 'md5' | 'sha1';
  /** the key as heartbeat uses it (its first word); never printed */
  key?: string;
  where: Where;
}

/** `auth N` and the line `N method [key]` it selects; heartbeat stops reading the key at a blank. */
export function parseAuthkeys(text: string, file: string): Parsed<Authkeys | undefined> {
  const issues: Diagnostic[] = [];
  let selected: { id: string; where: Where } | undefined;
  const entries = new Map<string, { method: string; words: string[]; where: Where }>();
  for (const l of contentLines(text)) {
    const [a = '', b, ...rest] = l.content.split(/\s+/);
    const where = at(file, l.line, l.column);
    if (a === 'auth' && b) selected = { id: b, where };
    else if (/^\d+$/.test(a) && b) entries.set(a, { method: b.toLowerCase(), words: rest, where });
    else issues.push(sourceError('import-syntax', where, `expected "auth N" or "N METHOD [KEY]" (the line is not shown: it may hold a key)`));
  }
  if (!selected) {
    issues.push(sourceError('import-syntax', at(file, 0), 'no "auth N" line selects a key'));
    return { value: undefined, issues };
  }
  const entry = entries.get(selected.id);
  if (!entry) {
    issues.push(sourceError('import-syntax', selected.where, `auth ${selected.id}: no key line numbered ${selected.id}`));
    return { value: undefined, issues };
  }
  const { method, words, where } = entry;
  if (method !== 'crc' && method !== 'md5' && method !== 'sha1') {
    issues.push(sourceError('import-syntax', where, `method "${method}" is not one of crc, md5, sha1`));
    return { value: undefined, issues };
  }
  if (method === 'crc') return { value: { method, where }, issues };
  if (!words[0]) {
    issues.push(sourceError('import-syntax', where, `${method} needs a key`));
    return { value: undefined, issues };
  }
  if (words.length > 1) {
    issues.push(sourceWarning('import-syntax', where, `the key has ${words.length} words: heartbeat uses only the first, and so does the stack`));
  }
  return { value: { method, key: words[0], where }, issues };
}
