import type { Diagnostic } from '../../diagnostics/index.js';
import { sourceError, sourceWarning, type Parsed } from '../located.js';
import { emptyPacemakerConf, normalizeScore, orderKind, roleName, type Nvpair, type PacemakerConf, type PcmkOp } from './pacemaker-conf.js';
import { parseXmlTree, type XmlNode } from './xml-tree.js';

const SCHEMAS_1 = /^(pacemaker-1\.\d+|transitional-0\.6)$/;
const SCHEMAS_2 = /^pacemaker-[23]\.\d+$/;

/** nvpairs of an attribute set; heartbeat 2 wraps them in <attributes>. */
function nvpairs(set: XmlNode | undefined): Nvpair[] {
  if (!set) return [];
  const list = set.children.flatMap((c) => (c.tag === 'attributes' ? c.children : [c]));
  return list.filter((c) => c.tag === 'nvpair' && c.attrs.name !== undefined).map((c) => ({ name: c.attrs.name!, value: c.attrs.value ?? '' }));
}

const child = (n: XmlNode, tag: string) => n.children.find((c) => c.tag === tag);
const all = (n: XmlNode, tag: string) => n.children.filter((c) => c.tag === tag);

/**
 * A cib.xml (pacemaker-1.0, 2.x/3.x schemas, and heartbeat 2's older layout with <attributes>, master_slave,
 * from/to constraints) read into the shape crm output gives. What no schema allows is an error at its element;
 * what the stack cannot say is kept with the reason.
 */
export function parseCib(text: string, file: string): Parsed<PacemakerConf> {
  const tree = parseXmlTree(text, file);
  const conf = emptyPacemakerConf();
  if (!tree.value) return { value: conf, issues: tree.issues };
  const issues: Diagnostic[] = [];
  const invalid = (n: XmlNode, message: string) => void issues.push(sourceError('import-cib-invalid', n.where, message));
  const root = tree.value;
  if (root.tag !== 'cib') {
    invalid(root, `the root element is <${root.tag}>, not <cib>`);
    return { value: conf, issues };
  }
  const schema = root.attrs['validate-with'];
  if (schema && SCHEMAS_1.test(schema)) conf.syntax = '1.0';
  else if (schema && SCHEMAS_2.test(schema)) conf.syntax = '2';
  else if (schema) issues.push(sourceWarning('import-cib-invalid', root.where, `validate-with="${schema}" is not a Pacemaker schema hactl knows: read as pacemaker-1.0/2.x`));
  else conf.syntax = '1.0';
  const configuration = child(root, 'configuration');
  if (!configuration) {
    invalid(root, '<cib> has no <configuration>');
    return { value: conf, issues };
  }
  const keep = (n: XmlNode, why: string) => void conf.kept.push({ source: n.source, where: n.where, why });
  for (const section of configuration.children) {
    switch (section.tag) {
      case 'crm_config':
        for (const set of all(section, 'cluster_property_set')) for (const p of nvpairs(set)) conf.properties.push({ ...p, where: set.where });
        break;
      case 'nodes':
        for (const n of all(section, 'node')) {
          if (!n.attrs.uname) invalid(n, '<node> has no uname');
          else conf.nodes.push({ name: n.attrs.uname, where: n.where });
          if (n.children.length) keep(n, `node ${n.attrs.uname ?? ''}: the stack has no node attributes (standby, utilization)`);
        }
        break;
      case 'resources':
        for (const r of section.children) resource(r, conf, invalid, keep);
        break;
      case 'constraints':
        for (const c of section.children) constraint(c, conf, invalid, keep);
        break;
      case 'rsc_defaults':
        for (const set of all(section, 'meta_attributes')) for (const p of nvpairs(set)) conf.rscDefaults.push({ ...p, where: set.where });
        break;
      default:
        keep(section, `the stack has no <${section.tag}>`);
    }
  }
  references(conf, configuration, invalid);
  return { value: conf, issues };
}

function ops(p: XmlNode): PcmkOp[] {
  return (child(p, 'operations')?.children ?? [])
    .filter((o) => o.tag === 'op')
    .map((o) => {
      const { name = '', interval, timeout, role, id: _id, ...rest } = o.attrs;
      const onFail = rest['on-fail'] ?? rest.on_fail;
      delete rest['on-fail'];
      delete rest.on_fail;
      return { name, ...(interval !== undefined ? { interval } : {}), ...(timeout !== undefined ? { timeout } : {}), ...(onFail ? { onFail } : {}), ...(role ? { role } : {}), other: Object.entries(rest).map(([n, v]) => ({ name: n, value: v })) };
    });
}

type Report = (n: XmlNode, message: string) => void;

function primitive(p: XmlNode, conf: PacemakerConf, invalid: Report): string | undefined {
  const { id, class: cls, provider, type } = p.attrs;
  if (!id || !cls || !type) return void invalid(p, `<primitive> needs id, class and type (has ${Object.keys(p.attrs).join(', ') || 'none'})`);
  if (cls === 'ocf' && !provider) return void invalid(p, `<primitive id="${id}"> of class ocf needs a provider`);
  for (const c of p.children) {
    if (!['instance_attributes', 'meta_attributes', 'operations', 'utilization'].includes(c.tag)) invalid(c, `<${c.tag}> is not allowed in a <primitive>`);
  }
  conf.primitives.push({
    id,
    cls,
    ...(provider ? { provider } : {}),
    type,
    params: nvpairs(child(p, 'instance_attributes')),
    ops: ops(p),
    meta: nvpairs(child(p, 'meta_attributes')),
    where: p.where,
    source: p.source,
  });
  return id;
}

function resource(r: XmlNode, conf: PacemakerConf, invalid: Report, keep: (n: XmlNode, why: string) => void): void {
  switch (r.tag) {
    case 'primitive':
      primitive(r, conf, invalid);
      return;
    case 'group': {
      if (!r.attrs.id) return invalid(r, '<group> needs an id');
      const members = all(r, 'primitive').map((p) => primitive(p, conf, invalid)).filter((id): id is string => id !== undefined);
      conf.groups.push({ id: r.attrs.id, members, meta: nvpairs(child(r, 'meta_attributes')), where: r.where, source: r.source });
      return;
    }
    case 'master':
    case 'master_slave':
    case 'clone': {
      if (!r.attrs.id) return invalid(r, `<${r.tag}> needs an id`);
      const inner = r.children.find((c) => c.tag === 'primitive' || c.tag === 'group');
      if (!inner) return invalid(r, `<${r.tag} id="${r.attrs.id}"> holds no primitive or group`);
      if (inner.tag === 'group') return keep(r, 'the stack clones single resources only');
      const childId = primitive(inner, conf, invalid);
      if (!childId) return;
      // heartbeat 2 spelt clone_max, master_max: Pacemaker 1.0 took both, the stack writes the dashed names
      const meta = nvpairs(child(r, 'meta_attributes')).map((m) => ({ ...m, name: m.name.replace(/_/g, '-') }));
      const promotable = r.tag !== 'clone' || meta.some((m) => m.name === 'promotable' && m.value === 'true');
      (promotable ? conf.promotables : conf.clones).push({ id: r.attrs.id, child: childId, meta, where: r.where, source: r.source });
      return;
    }
    default:
      keep(r, `the stack has no <${r.tag}> resources`);
  }
}

function constraint(c: XmlNode, conf: PacemakerConf, invalid: Report, keep: (n: XmlNode, why: string) => void): void {
  const id = c.attrs.id;
  if (!id) return invalid(c, `<${c.tag}> needs an id`);
  const base = { id, where: c.where, source: c.source };
  switch (c.tag) {
    case 'rsc_location': {
      const rsc = c.attrs.rsc;
      if (!rsc) return keep(c, 'the stack places one named resource, not sets or patterns');
      if (c.attrs.node) {
        const score = normalizeScore(c.attrs.score ?? '');
        if (score === undefined) return invalid(c, `<rsc_location id="${id}"> score "${c.attrs.score ?? ''}" is not a score`);
        conf.constraints.push({ type: 'location', ...base, rsc, node: c.attrs.node, score, ...(c.attrs.role ? { role: roleName(c.attrs.role) } : {}) });
        return;
      }
      const rules = all(c, 'rule');
      const rule = rules[0];
      const exprs = rule ? all(rule, 'expression') : [];
      const expr = exprs[0];
      const score = normalizeScore(rule?.attrs.score ?? '');
      if (rules.length !== 1 || exprs.length !== 1 || !expr || expr.attrs.attribute !== '#uname' || expr.attrs.operation !== 'eq' || !expr.attrs.value || score === undefined) {
        return keep(c, 'the stack places on a node name, not on other rule expressions');
      }
      conf.constraints.push({ type: 'location', ...base, rsc, node: expr.attrs.value, score, ...(rule!.attrs.role ? { role: roleName(rule!.attrs.role) } : {}) });
      return;
    }
    case 'rsc_colocation': {
      // heartbeat 2: from (placed) with to; Pacemaker 1.0+: rsc with with-rsc
      const rsc = c.attrs.rsc ?? c.attrs.from;
      const withRsc = c.attrs['with-rsc'] ?? c.attrs.to;
      const score = normalizeScore(c.attrs.score ?? '');
      if (!rsc || !withRsc) return keep(c, 'the stack colocates two resources at a time, not resource sets');
      if (score === undefined) return invalid(c, `<rsc_colocation id="${id}"> score "${c.attrs.score ?? ''}" is not a score`);
      const rscRole = c.attrs['rsc-role'] ?? c.attrs.from_role;
      const withRole = c.attrs['with-rsc-role'] ?? c.attrs.to_role;
      conf.constraints.push({ type: 'colocation', ...base, score, rsc, ...(rscRole ? { rscRole: roleName(rscRole) } : {}), with: withRsc, ...(withRole ? { withRole: roleName(withRole) } : {}) });
      return;
    }
    case 'rsc_order': {
      if (c.attrs.first && c.attrs.then) {
        const kind = orderKind(c.attrs.kind ?? c.attrs.score ?? 'Mandatory');
        conf.constraints.push({ type: 'order', ...base, kind, first: c.attrs.first, ...(c.attrs['first-action'] ? { firstAction: c.attrs['first-action'] } : {}), then: c.attrs.then, ...(c.attrs['then-action'] ? { thenAction: c.attrs['then-action'] } : {}) });
        return;
      }
      if (c.attrs.from && c.attrs.to) {
        // heartbeat 2: "from ACTION type to TO_ACTION", type after (default) or before
        const after = (c.attrs.type ?? 'after') === 'after';
        const from = { rsc: c.attrs.from, action: c.attrs.action ?? 'start' };
        const to = { rsc: c.attrs.to, action: c.attrs.to_action ?? c.attrs.action ?? 'start' };
        const [first, then] = after ? [to, from] : [from, to];
        conf.constraints.push({ type: 'order', ...base, kind: orderKind(c.attrs.score ?? 'Mandatory'), first: first.rsc, firstAction: first.action, then: then.rsc, thenAction: then.action });
        return;
      }
      return keep(c, 'the stack orders two resources at a time, not resource sets');
    }
    default:
      keep(c, `the stack has no <${c.tag}>`);
  }
}

/** Every resource a group or constraint names must exist, as Pacemaker's schema check (and crm_verify) demand. */
function references(conf: PacemakerConf, configuration: XmlNode, invalid: Report): void {
  const ids = new Set([...conf.primitives, ...conf.groups, ...conf.promotables, ...conf.clones].map((r) => r.id));
  const seen = new Set<string>();
  for (const r of [...conf.primitives, ...conf.groups, ...conf.promotables, ...conf.clones]) {
    if (seen.has(r.id)) invalid({ tag: '', attrs: {}, children: [], where: r.where, source: '' }, `id "${r.id}" is used twice`);
    seen.add(r.id);
  }
  for (const c of conf.constraints) {
    const names = c.type === 'location' ? [c.rsc] : c.type === 'colocation' ? [c.rsc, c.with] : [c.first, c.then];
    for (const n of names) if (!ids.has(n)) invalid({ tag: '', attrs: {}, children: [], where: c.where, source: '' }, `constraint ${c.id} names resource "${n}", which the CIB does not define`);
  }
  void configuration;
}
