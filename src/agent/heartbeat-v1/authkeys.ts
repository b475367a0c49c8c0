import type { AuthMethod } from '../config/index.js';
import type { CompatIssue } from './ha-cf.js';

/** `auth N` selects the line `N method [key]`; crc needs no key. */
export function parseAuthkeys(text: string, file: string, issues: CompatIssue[], warnings: CompatIssue[]): { method: AuthMethod; key?: string } {
  let selected: string | undefined;
  let selectedLine = 0;
  const keys = new Map<string, { method: string; key?: string; line: number }>();
  text.split('\n').forEach((raw, i) => {
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!content) return;
    const [a, b, ...rest] = content.split(/\s+/);
    if (a === 'auth') {
      selected = b;
      selectedLine = i + 1;
    } else if (a !== undefined && /^\d+$/.test(a) && b !== undefined) {
      keys.set(a, { method: b, ...(rest.length ? { key: rest.join(' ') } : {}), line: i + 1 });
    } else {
      issues.push({ file, line: i + 1, message: `expected "auth N" or "N METHOD [KEY]", got "${content}"` });
    }
  });
  if (selected === undefined) {
    issues.push({ file, line: 0, message: 'no "auth N" line' });
    return { method: 'crc' };
  }
  const entry = keys.get(selected);
  if (entry === undefined) {
    issues.push({ file, line: selectedLine, message: `auth ${selected}: no key line numbered ${selected}` });
    return { method: 'crc' };
  }
  const method = entry.method.toLowerCase();
  if (method !== 'crc' && method !== 'md5' && method !== 'sha1' && method !== 'sha256') {
    issues.push({ file, line: entry.line, message: `method "${entry.method}" is not one of crc, md5, sha1, sha256` });
    return { method: 'crc' };
  }
  if (method === 'crc') {
    warnings.push({ file, line: entry.line, message: 'crc authenticates nothing: anyone on the interconnect can forge heartbeats; use sha1' });
    return { method };
  }
  if (!entry.key) {
    issues.push({ file, line: entry.line, message: `${method} needs a key` });
    return { method };
  }
  return { method, key: entry.key };
}
