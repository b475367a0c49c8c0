/** `NAME=value` assignments of a shell script, the value unquoted ('...' taken literally, "..." without expansion). */
export function shellAssignments(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (!m) continue;
    const value = unquoteShell(m[2]!.replace(/\s+#.*$/, '').trim());
    if (value !== undefined) out.set(m[1]!, value);
  }
  return out;
}

/** One shell word as written: 'single' (with '\'' inside), "double" or bare; undefined when it is more than one word. */
export function unquoteShell(word: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    if (ch === "'") {
      const close = word.indexOf("'", i + 1);
      if (close < 0) return undefined;
      out += word.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      const close = word.indexOf('"', i + 1);
      if (close < 0) return undefined;
      out += word.slice(i + 1, close).replace(/\\(["\\$`])/g, '$1');
      i = close + 1;
    } else if (ch === '\\' && i + 1 < word.length) {
      out += word[i + 1];
      i += 2;
    } else if (/\s/.test(ch)) return undefined;
    else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** `${NAME}` and `$NAME` replaced from the assignments (what a reader of the script would do, not a shell). */
export function expandVars(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, a: string | undefined, b: string | undefined) => vars.get(a ?? b ?? '') ?? all);
}
