import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, type Parsed } from '../located.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A configuration file as text, or why it is not one: a NUL byte or bytes that are not UTF-8 mean a binary file (a
 * copied key, an image, a core dump) that no config parser should guess at. CRLF line ends are read as LF.
 */
export function decodeText(bytes: Uint8Array, file: string): Parsed<string | undefined> {
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { value: undefined, issues: [sourceError('import-binary', at(file, 0), 'is not text (bytes that are not UTF-8)')] };
  }
  if (nul >= 0) {
    const before = text.slice(0, text.indexOf('\u0000'));
    const line = before.split('\n').length;
    return { value: undefined, issues: [sourceError('import-binary', at(file, line), 'is not text (a NUL byte)')] };
  }
  return { value: text.replace(/\r\n/g, '\n'), issues: [] };
}

export interface Line {
  /** the line without its comment, trimmed */
  content: string;
  /** 1-based */
  line: number;
  /** column of the first character of content, 1-based */
  column: number;
  raw: string;
}

/**
 * Lines without comments: `#` starts one at the start of the line or after a blank (ha.cf, haresources, authkeys,
 * /etc/hosts), and so on for the other characters given.
 */
export function contentLines(text: string, commentChars = '#'): Line[] {
  const out: Line[] = [];
  const comment = new RegExp(`(^|\\s)[${commentChars.replace(/[\]\\^-]/g, '\\$&')}].*$`);
  text.split('\n').forEach((raw, i) => {
    const stripped = raw.replace(comment, '');
    const content = stripped.trim();
    if (!content) return;
    out.push({ content, line: i + 1, column: stripped.length - stripped.trimStart().length + 1, raw });
  });
  return out;
}

/** Joins lines ending in a backslash with the next, keeping the first line's number (haresources, crm). */
export function joinContinuations(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  let open: Line | undefined;
  for (const l of lines) {
    const current: Line = open ? { ...open, content: `${open.content} ${l.content}`, raw: `${open.raw}\n${l.raw}` } : l;
    if (/\\$/.test(current.content)) open = { ...current, content: current.content.replace(/\s*\\$/, '') };
    else {
      out.push(current);
      open = undefined;
    }
  }
  if (open) out.push(open);
  return out;
}

/** Issues from the agent's heartbeat v1 parsers (file, line, message) as located import diagnostics. */
export function fromCompat(list: readonly { file: string; line: number; message: string }[], severity: 'error' | 'warning'): Diagnostic[] {
  return list.map((i) => ({ ...sourceError('import-syntax', at(i.file, i.line), i.message), severity }));
}
