import { Kind, type TSchema } from '@sinclair/typebox';
import { dslMark, type DslMark } from './annotate.js';
import { Cluster } from './cluster.js';
import { AbsPath, Ipv4, Ipv4Cidr } from './primitives.js';

/**
 * The type parameters of the DSL types. N, Nic, Rsc and Script are the node, NIC, resource and track script names a
 * reference may use. The others are what a stack defines, for `defineCluster` to infer (only from where they are
 * defined: `nodes`, `keepalived.scripts`, the resources): NodeName, NicName and ScriptName are names; RscName holds
 * the resource names a stack spells out (explicit names, groups, services and LSB scripts, which are named after
 * themselves, DRBD masters); VipCidr, Unit, OcfAgent, DrbdName and MountPoint the values other resource names are
 * derived from (src/dsl/names.ts turns them into `vip_10_0_0_1`, `drbd_r0`, `fs_drbd`...).
 */
const PARAMS = ['N', 'Nic', 'NodeName', 'NicName', 'Rsc', 'Script', 'ScriptName', 'RscName', 'VipCidr', 'Unit', 'OcfAgent', 'DrbdName', 'MountPoint'] as const;
type Param = (typeof PARAMS)[number];

/** What a parameter extends (and defaults to): names are strings; the values a name is derived from keep their type. */
const BOUND: Partial<Record<Param, string>> = { VipCidr: 'Ipv4Cidr', OcfAgent: '`${string}:${string}`', MountPoint: 'AbsPath' };

const REF: Record<NonNullable<DslMark['ref']>, Param> = { node: 'N', nic: 'Nic', resource: 'Rsc', script: 'Script' };
const DEFINES: Record<NonNullable<DslMark['defines']>, Param> = {
  name: 'RscName',
  vip: 'VipCidr',
  unit: 'Unit',
  agent: 'OcfAgent',
  drbd: 'DrbdName',
  mount: 'MountPoint',
};

interface Context {
  uses: Set<Param>;
  /** the parameters used as the keys of a map, here or in a type used here: their variance is left to the compiler */
  keys: Set<Param>;
  /**
   * whether a union with type parameters (Primitive) is written out rather than referred to: comparing two
   * instantiations of an alias makes the compiler measure the alias's variance, instantiating the whole union once per
   * parameter, and a union alias cannot be marked `out`. The root (Cluster), never compared with itself, refers to them.
   */
  inlineUnions: boolean;
  /** a named type used under other parameter names (Cluster passes NicName where NodeSpec says Nic) */
  rename: Partial<Record<Param, Param>>;
}

type Schema = TSchema & Record<string, unknown>;

/**
 * The TypeScript text of src/dsl/types.ts: one exported type per named part of the TypeBox model, every field with
 * its schema description as a doc comment, durations, addresses and paths as template-literal types, and node and NIC
 * references as type parameters. YAML and TypeScript stacks so share one source for structure and documentation.
 */
export function dslTypesSource(): string {
  const emitter = new Emitter();
  emitter.declare(Cluster as unknown as Schema, true);
  const prelude = [
    `/** A duration: "500ms", "2s", "1m", "1h", or a number of seconds. */`,
    'export type Duration = `${number}ms` | `${number}s` | `${number}m` | `${number}h` | number;',
    comment(Ipv4.description!, ''),
    'export type Ipv4 = `${number}.${number}.${number}.${number}`;',
    comment(Ipv4Cidr.description!, ''),
    'export type Ipv4Cidr = `${Ipv4}/${number}`;',
    comment(AbsPath.description!, ''),
    'export type AbsPath = `/${string}`;',
    `/** The keys of a union's other kinds, which an entry of one kind must not have: \`{ service: 'a', lsb: 'b' }\` does not compile. */`,
    'export type Without<K extends string> = { [P in K]?: never };',
  ];
  return [
    '// Generated from the TypeBox model in src/model/ by `npm run schema`; do not edit (test/dsl/types-drift.test.ts).',
    '',
    ...prelude,
    '',
    ...[...emitter.decls.values()].map((d) => d.text),
  ].join('\n');
}

interface Decl {
  params: Param[];
  keys: Set<Param>;
  text: string;
}

class Emitter {
  readonly decls = new Map<string, Decl>();

  declare(schema: Schema, root = false, neverKeys: string[] = []): Decl {
    const { name, summary } = dslMark(schema) as { name: string; summary?: string };
    const known = this.decls.get(name);
    if (known) return known;
    const placeholder: Decl = { params: [], keys: new Set(), text: '' };
    this.decls.set(name, placeholder);
    const context: Context = { uses: new Set(), keys: new Set(), rename: {}, inlineUnions: !root };
    const body = schema[Kind] === 'Object' ? this.object(schema, context, '', neverKeys) : this.body(schema, context, '');
    placeholder.params = PARAMS.filter((p) => context.uses.has(p));
    placeholder.keys = context.keys;
    const head = comment(summary ?? name, '');
    placeholder.text =
      schema[Kind] === 'Object'
        ? `${head}\nexport interface ${name}${generics(placeholder, !root)} ${body}\n`
        : `${head}\nexport type ${name}${generics(placeholder, false)} = ${body};\n`;
    return placeholder;
  }

  /** The type of a schema where it is used: a named part becomes a reference to its declaration. */
  type(schema: Schema, context: Context, indent: string, neverKeys: string[] = []): string {
    const marks = dslMark(schema);
    if (marks?.ref) return use(context, REF[marks.ref]);
    if (marks?.defines) return use(context, DEFINES[marks.defines]);
    if (marks?.type) return marks.type;
    if (marks?.name) {
      const decl = this.declare(schema, false, neverKeys);
      if (context.inlineUnions && schema[Kind] === 'Union' && decl.params.length) return wrap(this.body(schema, context, indent));
      const args = decl.params.map((p) => {
        const arg = use(context, p);
        if (decl.keys.has(p)) context.keys.add(arg);
        return arg;
      });
      return args.length ? `${marks.name}<${args.join(', ')}>` : marks.name;
    }
    return this.body(schema, context, indent);
  }

  private body(schema: Schema, context: Context, indent: string): string {
    switch (schema[Kind]) {
      case 'Object':
        return this.object(schema, context, indent);
      case 'Union': {
        const branches = schema.anyOf as Schema[];
        const kindKeys = schema.kindKeys as string[] | undefined;
        return branches
          .map((b) => {
            const own = (b.required as string[] | undefined) ?? [];
            const others = kindKeys ? kindKeys.filter((k) => !own.includes(k)) : [];
            // a kind that defines no names (a constraint, a secret's { env } or { file }) lists the other kinds' keys
            // in its own type: the compiler then tells the kinds apart and points at the wrong field
            if (!definesNames(b)) {
              return wrap(!dslMark(b)?.name && b[Kind] === 'Object' ? this.object(b, context, indent, others) : this.type(b, context, indent, others));
            }
            // a kind that does (VipResource) gets them in the union, not in its own interface, which the builders
            // return: inferring `defineCluster`'s names from `vip('10.0.0.1/24')`, the compiler would take its
            // `lsb?: never` for an LSB script named `undefined`
            const type = this.type(b, context, indent);
            return wrap(others.length ? `${type} & Without<${others.map((k) => JSON.stringify(k)).join(' | ')}>` : type);
          })
          .join(' | ');
      }
      case 'Record':
        return this.record(schema, context, indent);
      case 'Array':
        return `${wrap(this.type(schema.items as Schema, context, indent))}[]`;
      case 'Literal':
        return JSON.stringify(schema.const);
      case 'String':
        return 'string';
      case 'Number':
      case 'Integer':
        return 'number';
      case 'Boolean':
        return 'boolean';
      default:
        throw new Error(`dsl-types: no TypeScript type for schema kind ${String(schema[Kind])}`);
    }
  }

  private object(schema: Schema, context: Context, indent: string, neverKeys: string[] = []): string {
    const inner = `${indent}  `;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const lines = Object.entries(schema.properties as Record<string, Schema>).map(([key, prop]) => {
      const description = prop.description === undefined ? '' : `${comment(String(prop.description), inner)}\n`;
      return `${description}${inner}${key}${required.has(key) ? '' : '?'}: ${this.type(prop, context, inner)};`;
    });
    for (const key of neverKeys) lines.push(`${inner}${key}?: never;`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }

  private record(schema: Schema, context: Context, indent: string): string {
    const value = Object.values(schema.patternProperties as Record<string, Schema>)[0]!;
    switch (dslMark(schema)?.keys) {
      case 'define-node': {
        // the nodes map defines node names; its NodeSpec values define NIC names under NicName
        const key = useAsKey(context, 'NodeName');
        const inner: Context = { ...context, rename: { ...context.rename, Nic: 'NicName' } };
        return `{ [K in ${key}]: ${this.type(value, inner, indent)} }`;
      }
      case 'define-script':
        return `{ [K in ${useAsKey(context, 'ScriptName')}]: ${this.type(value, context, indent)} }`;
      case 'define-nic':
        return `{ [K in ${useAsKey(context, 'Nic')}]?: ${this.type(value, context, indent)} }`;
      case 'node':
        return `{ [K in ${useAsKey(context, 'N')}]?: ${this.type(value, context, indent)} }`;
      default:
        return `{ [key: string]: ${this.type(value, context, indent)} }`;
    }
  }
}

/** Whether a part of the model holds a field that gives a resource its name (marked `defines`). */
function definesNames(schema: Schema): boolean {
  if (dslMark(schema)?.defines) return true;
  const children = [
    ...Object.values((schema.properties ?? {}) as Record<string, Schema>),
    ...Object.values((schema.patternProperties ?? {}) as Record<string, Schema>),
    ...((schema.anyOf ?? []) as Schema[]),
    ...(schema.items ? [schema.items as Schema] : []),
  ];
  return children.some(definesNames);
}

function use(context: Context, param: Param): Param {
  const name = context.rename[param] ?? param;
  context.uses.add(name);
  return name;
}

function useAsKey(context: Context, param: Param): Param {
  const name = use(context, param);
  context.keys.add(name);
  return name;
}

/**
 * `<N extends string = string, ...>`. An interface's parameters that only name the types of fields are marked `out`
 * (covariant, as the compiler would measure): measuring it takes the compiler a fresh instantiation of the interface
 * per parameter, which for the resources' eight parameters was most of a stack's check time. A union alias cannot
 * carry the mark; a parameter used as a map's keys keeps the compiler's own measure; and the root (Cluster), never
 * compared with another instantiation of itself, goes without: checking the marks costs what measuring would.
 */
function generics(decl: Decl, markVariance: boolean): string {
  if (!decl.params.length) return '';
  const bound = (p: Param) => BOUND[p] ?? 'string';
  const variance = (p: Param) => (markVariance && !decl.keys.has(p) ? 'out ' : '');
  return `<${decl.params.map((p) => `${variance(p)}${p} extends ${bound(p)} = ${bound(p)}`).join(', ')}>`;
}

/** Parenthesised where a union would otherwise bind wrongly (`(A | B)[]`). */
function wrap(type: string): string {
  let depth = 0;
  for (const char of type) {
    if ('{<(['.includes(char)) depth++;
    else if ('}>)]'.includes(char)) depth--;
    else if (char === '|' && depth === 0) return `(${type})`;
  }
  return type;
}

function comment(text: string, indent: string): string {
  return `${indent}/** ${text.replace(/\*\//g, '*\\/')} */`;
}
