import type { Diagnostic } from '../../diagnostics/index.js';
import { at, sourceError, type Parsed, type Where } from '../located.js';
import { emptyPacemakerConf, normalizeScore, orderKind, roleName, type Nvpair, type PacemakerConf, type PcmkOp } from './pacemaker-conf.js';
import { expandVars, shellAssignments } from './shell-words.js';

interface Word {
  text: string;
  column: number;
}

interface CrmStatement {
  words: Word[];
  line: number;
  source: string;
}

/** Words split shell-like: blanks separate, "double" and 'single' quotes group (crmsh writes name="value"). */
function words(text: string): Word[] | undefined {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let word = '';
    while (i < text.length && !/\s/.test(text[i]!)) {
      const ch = text[i]!;
      if (ch === '"' || ch === "'") {
        let j = i + 1;
        let inner = '';
        while (j < text.length && text[j] !== ch) {
          if (ch === '"' && text[j] === '\\' && j + 1 < text.length) j++;
          inner += text[j];
          j++;
        }
        if (j >= text.length) return undefined;
        word += inner;
        i = j + 1;
      } else {
        word += ch;
        i++;
      }
    }
    out.push({ text: word, column: start + 1 });
  }
  return out;
}

const KEYWORDS = new Set([
  'node', 'primitive', 'group', 'ms', 'master', 'clone', 'location', 'colocation', 'collocation', 'order', 'property', 'rsc_defaults',
  'op_defaults', 'rsc_template', 'fencing_topology', 'rsc_ticket', 'role', 'user', 'acl_target', 'acl_group', 'tag', 'alert',
]);

/** The crm statements of a file: `crm configure show` output, a crm script, or shell lines running `crm configure ...`. */
function statements(text: string): { list: CrmStatement[]; shell: boolean } {
  const raw = text.split('\n');
  const shell = raw.some((l) => /^\s*(?:[#$]\s+)?crm\s+configure\s+\S/.test(l));
  const vars = shell ? shellAssignments(text) : new Map<string, string>();
  const list: CrmStatement[] = [];
  let current: CrmStatement | undefined;
  let continued = false;
  raw.forEach((line, i) => {
    let content = line;
    if (shell) {
      if (!continued) {
        const m = /^\s*(?:[#$]\s+)?crm\s+configure\s+(.*)$/.exec(line);
        if (!m) return;
        content = m[1]!;
      }
      content = expandVars(content, vars);
    } else if (/^\s*#/.test(line) || !line.trim()) {
      continued = false;
      return;
    }
    const ends = /\\\s*$/.test(content);
    const body = content.replace(/\\\s*$/, '');
    const indented = !shell && /^\s/.test(line) && current !== undefined && !KEYWORDS.has(body.trim().split(/\s+/)[0] ?? '');
    if ((continued || indented) && current) {
      current.source += `\n${line}`;
      current.words.push(...(words(body) ?? [{ text: '\u0000unbalanced', column: 1 }]));
    } else {
      current = { words: words(body) ?? [{ text: '\u0000unbalanced', column: 1 }], line: i + 1, source: line };
      list.push(current);
    }
    continued = ends;
  });
  return { list, shell };
}

const nv = (w: string): Nvpair | undefined => {
  const eq = w.indexOf('=');
  return eq > 0 ? { name: w.slice(0, eq), value: w.slice(eq + 1) } : undefined;
};

/** Reads crm configure syntax (Pacemaker 1.0 and 2.x) into the shape a cib.xml gives too. */
export function parseCrm(text: string, file: string): Parsed<PacemakerConf> {
  const conf = emptyPacemakerConf();
  const issues: Diagnostic[] = [];
  const { list } = statements(text);
  for (const st of list) {
    const where = at(file, st.line, Math.max(1, st.words[0]?.column ?? 1));
    const w = st.words.map((x) => x.text);
    const bad = (message: string) => void issues.push(sourceError('import-syntax', where, message));
    if (w.includes('\u0000unbalanced')) {
      bad('a quote is not closed');
      continue;
    }
    const keep = (why: string) => void conf.kept.push({ source: st.source, where, why });
    const keyword = w[0]!;
    switch (keyword) {
      case 'node':
        readNode(w, conf, where, keep);
        break;
      case 'primitive':
        readPrimitive(w, conf, where, st.source, bad, keep);
        break;
      case 'group': {
        const [id, ...rest] = w.slice(1);
        const metaAt = rest.indexOf('meta');
        const members = metaAt < 0 ? rest : rest.slice(0, metaAt);
        if (!id || !members.length) bad('group: expected "group ID MEMBER..."');
        else conf.groups.push({ id, members, meta: metaAt < 0 ? [] : pairs(rest.slice(metaAt + 1)), where, source: st.source });
        break;
      }
      case 'ms':
      case 'master':
      case 'clone': {
        const [id, child, ...rest] = w.slice(1);
        if (!id || !child) {
          bad(`${keyword}: expected "${keyword} ID CHILD [meta ...]"`);
          break;
        }
        const meta = rest[0] === 'meta' ? pairs(rest.slice(1)) : [];
        if (rest.length && rest[0] !== 'meta') keep(`the stack has no ${rest[0]} on a ${keyword}`);
        const promotable = keyword !== 'clone' || meta.some((m) => m.name === 'promotable' && m.value === 'true');
        if (keyword !== 'clone') conf.syntax ??= '1.0';
        else if (promotable) conf.syntax ??= '2';
        (promotable ? conf.promotables : conf.clones).push({ id, child, meta, where, source: st.source });
        break;
      }
      case 'location':
        readLocation(w, conf, where, st.source, bad, keep);
        break;
      case 'colocation':
      case 'collocation': {
        const [id, score, ...rsc] = w.slice(1);
        const s = score?.endsWith(':') ? normalizeScore(score.slice(0, -1)) : undefined;
        if (!id || s === undefined || rsc.length < 2) bad(`${keyword}: expected "colocation ID SCORE: RSC[:ROLE] WITH[:ROLE]"`);
        else if (rsc.length > 2 || rsc.some((r) => /[()[\]]/.test(r))) keep('the stack colocates two resources at a time, not resource sets');
        else {
          const [a, aRole] = rsc[0]!.split(':');
          const [b, bRole] = rsc[1]!.split(':');
          roleSyntax(conf, aRole, bRole);
          conf.constraints.push({ type: 'colocation', id, score: s, rsc: a!, ...(aRole ? { rscRole: roleName(aRole) } : {}), with: b!, ...(bRole ? { withRole: roleName(bRole) } : {}), where, source: st.source });
        }
        break;
      }
      case 'order': {
        const [id, kind, ...rsc] = w.slice(1);
        if (!id || !kind?.endsWith(':') || rsc.length < 2) bad('order: expected "order ID KIND: FIRST[:ACTION] THEN[:ACTION]"');
        else if (rsc.length > 2 || rsc.some((r) => /[()[\]=]/.test(r))) keep('the stack orders two resources at a time, without sets or options');
        else {
          const [first, firstAction] = rsc[0]!.split(':');
          const [then, thenAction] = rsc[1]!.split(':');
          conf.constraints.push({ type: 'order', id, kind: orderKind(kind.slice(0, -1)), first: first!, ...(firstAction ? { firstAction } : {}), then: then!, ...(thenAction ? { thenAction } : {}), where, source: st.source });
        }
        break;
      }
      case 'property':
      case 'rsc_defaults': {
        const list = w.slice(1).filter((x) => !x.startsWith('$id=') && !/^[\w-]+:$/.test(x));
        if (keyword === 'property' && w.slice(1).some((x) => x.startsWith('$id='))) conf.syntax ??= '1.0';
        for (const p of list) {
          const pair = nv(p);
          if (!pair) bad(`${keyword}: expected NAME=VALUE, got "${p}"`);
          else (keyword === 'property' ? conf.properties : conf.rscDefaults).push({ ...pair, where });
        }
        break;
      }
      default:
        if (KEYWORDS.has(keyword)) keep(`the stack has no ${keyword}`);
        else bad(`"${keyword}" is not a crm configure statement`);
    }
  }
  return { value: conf, issues };
}

function pairs(list: string[]): Nvpair[] {
  return list.filter((x) => !x.startsWith('$id=')).map(nv).filter((p): p is Nvpair => p !== undefined);
}

function roleSyntax(conf: PacemakerConf, ...roles: (string | undefined)[]): void {
  for (const r of roles) {
    if (r === 'Master' || r === 'Slave') conf.syntax ??= '1.0';
    if (r === 'Promoted' || r === 'Unpromoted') conf.syntax ??= '2';
  }
}

function readNode(w: string[], conf: PacemakerConf, where: Where, keep: (why: string) => void): void {
  // `node $id="uuid" s1`, `node s1`, `node 1: s1`, `node s1: normal`, each maybe with `attributes ...`
  const rest = w.slice(1).filter((x) => !x.startsWith('$id='));
  let name = rest[0] ?? '';
  if (/^\d+:$/.test(name)) name = rest[1] ?? '';
  name = name.replace(/:$/, '');
  if (name) conf.nodes.push({ name, where });
  const attrs = rest.indexOf('attributes');
  const utilization = rest.indexOf('utilization');
  if (attrs >= 0 || utilization >= 0) keep(`node ${name}: the stack has no node attributes (standby, utilization): set them with hactl standby/online`);
}

function readPrimitive(w: string[], conf: PacemakerConf, where: Where, source: string, bad: (m: string) => void, keep: (why: string) => void): void {
  const [id, agent, ...rest] = w.slice(1);
  if (!id || !agent) return bad('primitive: expected "primitive ID CLASS:[PROVIDER:]TYPE ..."');
  if (agent.startsWith('@')) return keep('the stack has no resource templates');
  const parts = agent.split(':');
  const [cls = '', provider, type] = parts.length === 3 ? parts : [parts[0], undefined, parts[1]];
  if (!type) return bad(`primitive ${id}: "${agent}" is not CLASS:[PROVIDER:]TYPE`);
  const params: Nvpair[] = [];
  const meta: Nvpair[] = [];
  const ops: PcmkOp[] = [];
  let section: 'params' | 'meta' | 'op' | 'other' | undefined;
  for (const word of rest) {
    if (word === 'params' || word === 'meta') section = word;
    else if (word === 'op') {
      section = 'op';
      ops.push({ name: '', other: [] });
    } else if (word === 'utilization' || word === 'operations') {
      section = 'other';
      keep(`primitive ${id}: the stack has no ${word}`);
    } else if (word.startsWith('$id=') || word.startsWith('$role=')) continue;
    else if (section === 'op' && ops.at(-1)!.name === '') ops.at(-1)!.name = word;
    else {
      const pair = nv(word);
      if (!pair) return bad(`primitive ${id}: expected NAME=VALUE, got "${word}"`);
      if (section === 'params') params.push(pair);
      else if (section === 'meta') meta.push(pair);
      else if (section === 'op') {
        const op = ops.at(-1)!;
        if (pair.name === 'interval') op.interval = pair.value;
        else if (pair.name === 'timeout') op.timeout = pair.value;
        else if (pair.name === 'on-fail') op.onFail = pair.value;
        else if (pair.name === 'role') op.role = pair.value;
        else op.other.push(pair);
      } else if (section === undefined) return bad(`primitive ${id}: "${word}" before params, meta or op`);
    }
  }
  for (const op of ops) roleSyntax(conf, op.role);
  conf.primitives.push({ id, cls, ...(provider ? { provider } : {}), type, params, ops, meta, where, source });
}

function readLocation(w: string[], conf: PacemakerConf, where: Where, source: string, bad: (m: string) => void, keep: (why: string) => void): void {
  const [id, rsc, ...rest] = w.slice(1);
  if (!id || !rsc) return bad('location: expected "location ID RSC SCORE: NODE"');
  if (/[{}()[\]]/.test(rsc) || rsc.startsWith('~')) return keep('the stack places one resource at a time, not sets or patterns');
  if (rest[0] === 'rule') {
    // rule [$id=..] [$role=R|role=R] SCORE: #uname eq NODE
    const body = rest.slice(1);
    const role = body.find((x) => x.startsWith('$role=') || x.startsWith('role='))?.split('=')[1];
    const expr = body.filter((x) => !x.startsWith('$') && !x.startsWith('role='));
    const score = expr[0]?.endsWith(':') ? normalizeScore(expr[0].slice(0, -1)) : undefined;
    if (score === undefined || expr.length !== 4 || expr[1] !== '#uname' || expr[2] !== 'eq') {
      return keep('the stack places on a node name, not on other rule expressions');
    }
    roleSyntax(conf, role);
    conf.constraints.push({ type: 'location', id, rsc, node: expr[3]!, score, ...(role ? { role: roleName(role) } : {}), where, source });
    return;
  }
  const roleWord = rest[0]?.startsWith('role=') ? rest.shift()!.slice(5) : undefined;
  const [scoreWord, node] = rest;
  const score = scoreWord?.endsWith(':') ? normalizeScore(scoreWord.slice(0, -1)) : undefined;
  if (score === undefined || !node || rest.length > 2) return bad('location: expected "location ID RSC SCORE: NODE"');
  roleSyntax(conf, roleWord);
  conf.constraints.push({ type: 'location', id, rsc, node, score, ...(roleWord ? { role: roleWord } : {}), where, source });
}
