import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, type Parsed, type Where } from '../located.js';
import { contentLines } from './text.js';

export interface IptRule {
  /** the rule as iptables-save writes it (`-A INPUT ...`), blanks collapsed */
  text: string;
  chain: string;
  where: Where;
}

export interface IptablesFile {
  policies: Record<string, string>;
  /** rules of the filter table in order */
  rules: IptRule[];
  /** other tables (nat, mangle, raw): the stack writes the filter table only */
  otherTables: { name: string; where: Where; lines: string[] }[];
}

/** An iptables-save file (/etc/sysconfig/iptables, /etc/iptables/rules.v4). */
export function parseIptables(text: string, file: string): Parsed<IptablesFile> {
  const issues: Diagnostic[] = [];
  const out: IptablesFile = { policies: {}, rules: [], otherTables: [] };
  let table: string | undefined;
  let committed = true;
  let tableWhere = at(file, 1);
  for (const l of contentLines(text)) {
    const where = at(file, l.line, l.column);
    const c = l.content.replace(/\s+/g, ' ');
    if (c.startsWith('*')) {
      table = c.slice(1);
      committed = false;
      tableWhere = where;
      if (table !== 'filter') out.otherTables.push({ name: table, where, lines: [l.raw] });
    } else if (c === 'COMMIT') {
      if (table === undefined) issues.push(sourceError('import-syntax', where, 'COMMIT outside a table'));
      else if (table !== 'filter') out.otherTables.at(-1)!.lines.push(l.raw);
      table = undefined;
      committed = true;
    } else if (table === undefined) issues.push(sourceError('import-syntax', where, `"${c}" outside a table (*filter ... COMMIT)`));
    else if (table !== 'filter') out.otherTables.at(-1)!.lines.push(l.raw);
    else if (c.startsWith(':')) {
      const [chain, policy] = c.slice(1).split(' ');
      if (chain && policy) out.policies[chain] = policy;
    } else if (/^-A \S+ /.test(c)) out.rules.push({ text: c, chain: c.split(' ')[1]!, where });
    else issues.push(sourceError('import-syntax', where, `expected a rule "-A CHAIN ...", got "${c}"`));
  }
  if (!committed) issues.push(sourceError('import-truncated', tableWhere, `table *${table} has no COMMIT: the file ends inside it`));
  return { value: out, issues };
}
