import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, type Parsed } from '../located.js';

export interface Token {
  text: string;
  line: number;
  column: number;
  /** written in double quotes (the quotes are not part of text) */
  quoted: boolean;
}

/** A statement: its words, and the statements of its block when it opened one (`name { ... }`). */
export interface Stmt {
  words: Token[];
  block?: Stmt[];
  line: number;
  column: number;
  /** the line of the closing brace, for slicing the original text */
  endLine: number;
}

export interface BlockSyntax {
  /** characters that start a comment running to the end of the line (outside quotes) */
  comment: string;
  /** `;` ends a statement (drbd); otherwise the end of the line does (keepalived, corosync) */
  semicolons: boolean;
}

type Piece = Token | { brace: '{' | '}'; line: number; column: number } | { end: true; line: number; column: number };

function tokenize(text: string, syntax: BlockSyntax, file: string, issues: Diagnostic[]): Piece[] {
  const pieces: Piece[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    let col = 0;
    while (col < raw.length) {
      const ch = raw[col]!;
      if (/\s/.test(ch)) {
        col++;
        continue;
      }
      if (syntax.comment.includes(ch)) break;
      if (ch === '{' || ch === '}') {
        pieces.push({ brace: ch, line, column: col + 1 });
        col++;
        continue;
      }
      if (syntax.semicolons && ch === ';') {
        pieces.push({ end: true, line, column: col + 1 });
        col++;
        continue;
      }
      if (ch === '"') {
        const close = raw.indexOf('"', col + 1);
        if (close < 0) {
          issues.push(sourceError('import-syntax', at(file, line, col + 1), 'a double quote is not closed on its line'));
          pieces.push({ text: raw.slice(col + 1), line, column: col + 1, quoted: true });
          break;
        }
        pieces.push({ text: raw.slice(col + 1, close), line, column: col + 1, quoted: true });
        col = close + 1;
        continue;
      }
      const start = col;
      while (col < raw.length && !/\s/.test(raw[col]!) && raw[col] !== '{' && raw[col] !== '}' && !(syntax.semicolons && raw[col] === ';') && !syntax.comment.includes(raw[col]!)) col++;
      pieces.push({ text: raw.slice(start, col), line, column: start + 1, quoted: false });
    }
    if (!syntax.semicolons) pieces.push({ end: true, line, column: raw.length + 1 });
  });
  return pieces;
}

/**
 * Brace-block files (keepalived.conf, drbd.conf, corosync.conf) as a tree of statements. A block left open at the
 * end of the file is reported at the line that opened it (a truncated copy), a stray `}` where it stands.
 */
export function parseBlocks(text: string, file: string, syntax: BlockSyntax): Parsed<Stmt[]> {
  const issues: Diagnostic[] = [];
  const pieces = tokenize(text, syntax, file, issues);
  const root: Stmt[] = [];
  const stack: { list: Stmt[]; opener?: Stmt }[] = [{ list: root }];
  let words: Token[] = [];
  const flush = (endLine: number) => {
    if (!words.length) return;
    stack.at(-1)!.list.push({ words, line: words[0]!.line, column: words[0]!.column, endLine });
    words = [];
  };
  for (const p of pieces) {
    if ('end' in p) flush(p.line);
    else if ('brace' in p && p.brace === '{') {
      const stmt: Stmt = { words, block: [], line: words[0]?.line ?? p.line, column: words[0]?.column ?? p.column, endLine: p.line };
      stack.at(-1)!.list.push(stmt);
      stack.push({ list: stmt.block!, opener: stmt });
      words = [];
    } else if ('brace' in p) {
      flush(p.line);
      const top = stack.pop();
      if (!top?.opener) {
        issues.push(sourceError('import-syntax', at(file, p.line, p.column), 'a closing brace without an opening one'));
        stack.push({ list: root });
      } else top.opener.endLine = p.line;
    } else words.push(p);
  }
  flush(text.split('\n').length);
  for (const open of stack.slice(1).reverse()) {
    const o = open.opener!;
    const name = o.words.map((w) => w.text).join(' ') || '{';
    issues.push(sourceError('import-truncated', at(file, o.line, o.column), `block "${name}" is never closed: the file ends inside it`));
  }
  return { value: root, issues };
}

/** The words of a statement as text. */
export const texts = (s: Stmt): string[] => s.words.map((w) => w.text);

/** The first word, lowercased only where the format is case-insensitive (callers decide). */
export const keyOf = (s: Stmt): string => s.words[0]?.text ?? '';

/** The source lines a statement spans, for keeping it as it was written. */
export function sliceLines(text: string, s: Stmt): string {
  return text.split('\n').slice(s.line - 1, s.endLine).join('\n');
}
