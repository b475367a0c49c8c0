import { isIP } from 'node:net';
import { Kind, OptionalKind, type TSchema } from '@sinclair/typebox';
import { COMPUTED, NORMALIZE, SHOW_VALUE } from './define.js';

export interface ConfigIssue {
  /** JSON path, e.g. `groups[0].members[1].ip`. */
  path: string;
  message: string;
}

// Reads a JSON value against the TypeBox declaration (schema.ts): fills in the defaults it declares and collects
// every problem, each with its JSON path and a message that says what was expected and what came. Only the kinds
// schema.ts uses are handled. A wrong value is replaced by a stand-in (the default, '', 0, [] or the first choice)
// so the rest of the document is still checked; a computed field is left out, so its computed default stands in.

type Obj = Record<string, unknown>;
type Schema = TSchema & {
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  patternErrorMessage?: string;
  format?: string;
  errorMessage?: string;
  title?: string;
  const?: unknown;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  [NORMALIZE]?: (value: unknown) => unknown;
  [COMPUTED]?: true;
  [SHOW_VALUE]?: true;
};

/** The string formats schema.ts uses, with what a value must be. */
const FORMATS: Record<string, { test: (s: string) => boolean; must: string }> = {
  ip: { test: (s) => isIP(s) !== 0, must: 'an IP address' },
  ipv4: { test: (s) => isIP(s) === 4, must: 'an IPv4 address' },
};

export function readValue(schema: TSchema, value: unknown, issues: ConfigIssue[], path = ''): unknown {
  return read(schema as Schema, value, path, issues);
}

function read(s: Schema, v: unknown, path: string, issues: ConfigIssue[]): unknown {
  const found: ConfigIssue[] = [];
  const out = readKind(s, v, path, found);
  if (found.length === 0) return s[NORMALIZE] ? s[NORMALIZE](out) : out;
  if (s.errorMessage === undefined) issues.push(...found);
  else fail(issues, path, s[SHOW_VALUE] ? `${s.errorMessage}, got ${JSON.stringify(v)}` : s.errorMessage);
  return s.errorMessage === undefined ? out : standIn(s);
}

function readKind(s: Schema, v: unknown, path: string, issues: ConfigIssue[]): unknown {
  switch (s[Kind]) {
    case 'Object':
      return readObject(s, v, path, issues);
    case 'Array': {
      if (!Array.isArray(v)) return fail(issues, path, `must be an array, got ${describe(v)}`, []);
      const out = v.map((item, i) => read(s.items!, item, `${path}[${i}]`, issues));
      if (s.minItems !== undefined && v.length < s.minItems) fail(issues, path, `must list at least one ${s.items!.title ?? 'item'}`);
      return out;
    }
    case 'Record': {
      if (!isObject(v)) return fail(issues, path, `must be an object, got ${describe(v)}`, {});
      const each = Object.values(s.patternProperties!)[0]!;
      return Object.fromEntries(Object.keys(v).map((k) => [k, read(each, v[k], join(path, k), issues)]));
    }
    case 'Union':
      return readUnion(s, v, path, issues);
    case 'Literal':
      return v === s.const ? v : fail(issues, path, `must be ${String(s.const)}, got ${describe(v)}`, s.const);
    case 'String':
      return readString(s, v, path, issues);
    case 'Integer':
    case 'Number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail(issues, path, `must be a number, got ${describe(v)}`, standIn(s));
      if (s[Kind] === 'Integer' && !Number.isInteger(v)) fail(issues, path, 'must be an integer');
      if (s.minimum !== undefined && v < s.minimum) fail(issues, path, `must be >= ${s.minimum}`);
      if (s.maximum !== undefined && v > s.maximum) fail(issues, path, `must be <= ${s.maximum}`);
      return v;
    }
    case 'Boolean':
      return typeof v === 'boolean' ? v : fail(issues, path, `must be true or false, got ${describe(v)}`, standIn(s));
    default:
      return v;
  }
}

function readObject(s: Schema, v: unknown, path: string, issues: ConfigIssue[]): unknown {
  if (!isObject(v)) return fail(issues, path, `must be an object, got ${describe(v)}`, standIn(s));
  const properties = s.properties!;
  const allowed = Object.keys(properties);
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) fail(issues, join(path, key), `unknown key (allowed: ${allowed.join(', ')})`);
  }
  const out: Obj = {};
  for (const [key, prop] of Object.entries(properties)) {
    const value = v[key];
    if (value !== undefined) out[key] = read(prop, value, join(path, key), issues);
    else if (prop.default !== undefined) out[key] = read(prop, structuredClone(prop.default), join(path, key), []);
    else if (prop[OptionalKind] === 'Optional') continue;
    // A missing object or command says what it got ("must be an object, got undefined"), as it always has.
    else if (prop[Kind] === 'Object' || (prop[Kind] === 'Union' && !literals(prop))) out[key] = read(prop, value, join(path, key), issues);
    else out[key] = fail(issues, join(path, key), required(prop), standIn(prop));
  }
  return out;
}

function readUnion(s: Schema, v: unknown, path: string, issues: ConfigIssue[]): unknown {
  const choices = s.anyOf!;
  const values = literals(s);
  if (values) {
    if (typeof v === 'string' && values.includes(v)) return v;
    return fail(issues, path, `must be one of ${values.join(', ')}, got ${describe(v)}`, values[0]);
  }
  const classes = choices.map((c) => c.properties?.class?.const);
  if (classes.every((c): c is string => typeof c === 'string')) {
    // Told apart by `class`: a wrong class is named, and the rest is read as the first class so it is checked too.
    if (!isObject(v)) return fail(issues, path, `must be an object, got ${describe(v)}`, standIn(s));
    const at = classes.indexOf(v.class as string);
    if (at < 0) {
      fail(issues, join(path, 'class'), v.class === undefined ? `is required (one of ${classes.join(', ')})` : `must be one of ${classes.join(', ')}, got ${describe(v.class)}`);
    }
    return read(choices[Math.max(at, 0)]!, { ...v, class: classes[Math.max(at, 0)] }, path, issues);
  }
  for (const choice of choices) {
    const quiet: ConfigIssue[] = [];
    const out = read(choice, v, path, quiet);
    if (quiet.length === 0) return out;
  }
  // Nothing fits: explain against the choice of the value's own JSON type, else the first one.
  return read(choices.find((c) => sameType(c, v)) ?? choices[0]!, v, path, issues);
}

function readString(s: Schema, v: unknown, path: string, issues: ConfigIssue[]): unknown {
  const nonEmpty = (s.minLength ?? 0) > 0;
  if (typeof v !== 'string' || (nonEmpty && v.length === 0)) {
    return fail(issues, path, nonEmpty ? `must be a non-empty string, got ${describe(v)}` : 'must be a string', '');
  }
  if (s.pattern !== undefined) {
    const pattern = new RegExp(s.pattern);
    if (!pattern.test(v)) fail(issues, path, s.patternErrorMessage ?? `must be like ${pattern}`);
  }
  const format = s.format === undefined ? undefined : FORMATS[s.format];
  if (format && !format.test(v)) fail(issues, path, `must be ${format.must}, got "${v}"`);
  return v;
}

function required(s: Schema): string {
  const values = literals(s);
  if (values) return `is required (one of ${values.join(', ')})`;
  return s[Kind] === 'Boolean' ? 'is required (true or false)' : 'is required';
}

/** What a wrong value is replaced by; a computed field is left out so that its computed default applies. */
function standIn(s: Schema): unknown {
  if (s[COMPUTED]) return undefined;
  switch (s[Kind]) {
    case 'Object':
      return read(s, {}, '', []);
    case 'Array':
      return [];
    case 'Record':
      return {};
    case 'Union':
      return literals(s)?.[0] ?? standIn(s.anyOf![0]!);
    case 'Literal':
      return s.const;
    case 'String':
      return '';
    case 'Integer':
    case 'Number':
      return s.default ?? s.minimum ?? 0;
    case 'Boolean':
      return s.default ?? false;
    default:
      return undefined;
  }
}

function literals(s: Schema): string[] | undefined {
  const choices = s.anyOf ?? [];
  return choices.length > 0 && choices.every((c) => c[Kind] === 'Literal' && typeof c.const === 'string') ? choices.map((c) => c.const as string) : undefined;
}

function sameType(s: Schema, v: unknown): boolean {
  switch (s[Kind]) {
    case 'String':
      return typeof v === 'string';
    case 'Integer':
    case 'Number':
      return typeof v === 'number';
    case 'Boolean':
      return typeof v === 'boolean';
    case 'Array':
      return Array.isArray(v);
    default:
      return isObject(v);
  }
}

function fail<T>(issues: ConfigIssue[], path: string, message: string, standInValue?: T): T {
  issues.push({ path: path || '(root)', message });
  return standInValue as T;
}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"` : typeof v;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}
