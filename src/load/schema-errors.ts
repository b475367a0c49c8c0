import type { TSchema } from '@sinclair/typebox';
import { Cluster } from '../model/cluster.js';
import { AttributeName, DURATION_LIMITS, durationFormat, Name, PropertyName } from '../model/primitives.js';
import { error, quote, type Code, type Diagnostic } from '../diagnostics/index.js';
import { formatPath } from './source-map.js';
import type { SchemaError } from './validator.js';

interface PlacedDiagnostic {
  diagnostic: Diagnostic;
  at: 'key' | 'value';
}

/** What the keys of a free-form map must look like, by the pattern of the map's key schema. */
const KEY_FORMS: Record<string, string> = {
  [Name.pattern as string]: 'a name (a letter, then letters, digits, _ or -)',
  [AttributeName.pattern as string]: 'an attribute name (a letter or _, then letters, digits, _ . : or -)',
  [PropertyName.pattern as string]: 'a property name (lowercase letters, digits and -)',
};

const FORMAT_NAMES: Record<string, string> = {
  ipv4: 'an IPv4 address (dotted quad)',
  'ipv4-cidr': 'an IPv4 address with prefix, e.g. 10.0.0.2/24',
  ...Object.fromEntries(DURATION_LIMITS.map((max) => [durationFormat(max), `a duration such as 2s or 500ms, at most ${max}`])),
};

/**
 * Turns ajv's errors into one diagnostic per real problem. Unions are resolved first: the branch named by the
 * entry's kind key (vip:, group:, location: ...) or matching the value's type is the only one reported,
 * instead of every branch's complaint.
 */
export function schemaDiagnostics(errors: readonly SchemaError[], data: unknown): PlacedDiagnostic[] {
  const kept = resolveUnions([...errors], data);
  const out: PlacedDiagnostic[] = [];
  const seen = new Set<string>();
  for (const item of kept) {
    const placed = 'diagnostic' in item ? item : describe(item);
    const key = `${placed.diagnostic.path}|${placed.diagnostic.code}|${placed.diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(placed);
  }
  return out;
}

function resolveUnions(errors: SchemaError[], data: unknown): (SchemaError | PlacedDiagnostic)[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  const dropped = new Set<SchemaError>();
  const synthetic: PlacedDiagnostic[] = [];
  for (const union of unions) {
    if (dropped.has(union)) continue;
    dropped.add(union);
    const schema = schemaAt(union.schemaPath.replace(/\/anyOf$/, '')) as TSchema & { anyOf: TSchema[]; kindKeys?: string[] };
    const value = valueAt(data, union.instancePath);
    const inside = (e: SchemaError) =>
      e !== union &&
      e.schemaPath.startsWith(`${union.schemaPath}/`) &&
      (e.instancePath === union.instancePath || e.instancePath.startsWith(`${union.instancePath}/`));
    const keepBranch = (index: number) => {
      for (const e of errors) if (inside(e) && !e.schemaPath.startsWith(`${union.schemaPath}/${index}/`)) dropped.add(e);
    };
    const dropAll = () => errors.filter(inside).forEach((e) => dropped.add(e));
    const path = toPath(union.instancePath);

    if (schema.kindKeys && isObject(value)) {
      const present = schema.kindKeys.filter((k) => k in value);
      if (present.length !== 1) {
        dropAll();
        const message =
          present.length === 0
            ? `needs exactly one kind key: ${schema.kindKeys.join(', ')}`
            : `has ${present.length} kind keys (${present.join(', ')}); an entry is exactly one kind`;
        synthetic.push({ diagnostic: error('schema-kind', path, message), at: 'value' });
        continue;
      }
      const index = schema.anyOf.findIndex((b) => (b.required as string[] | undefined)?.includes(present[0]!));
      keepBranch(index);
      continue;
    }

    const literals = schema.anyOf.every((b) => 'const' in b);
    if (literals) {
      dropAll();
      const allowed = schema.anyOf.map((b) => String(b.const)).join(', ');
      synthetic.push({ diagnostic: error('schema-enum', path, `must be one of: ${allowed} ${got(path, value)}`), at: 'value' });
      continue;
    }
    const matching = schema.anyOf.map((b, i) => [b, i] as const).filter(([b]) => typeMatches(b, value));
    if (matching.length === 1) {
      keepBranch(matching[0]![1]);
      continue;
    }
    dropAll();
    const forms = schema.anyOf.map(describeSchema).join(' or ');
    const code: Code = matching.length === 0 ? 'schema-type' : 'schema-format';
    synthetic.push({ diagnostic: error(code, path, `must be ${forms} ${got(path, value)}`), at: 'value' });
  }
  return [...errors.filter((e) => !dropped.has(e)), ...synthetic];
}

/** Fields that hold or point at a secret: a key pasted where a reference belongs must not be printed back. */
const SECRET_FIELD = /(^|\.)(auth|keyFrom|passFrom)(\.|\[|$)/;

/** What the stack gave, for the message; never the value of a field under a secret. */
function got(path: string, value: unknown): string {
  return SECRET_FIELD.test(path) ? '(the value is not shown: this field holds a secret)' : `(got ${quote(value)})`;
}

function describe(e: SchemaError): PlacedDiagnostic {
  const path = toPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      return { diagnostic: error('schema-required', join(path, key), `missing required key ${quote(key)}`), at: 'value' };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const parent = schemaAt(e.schemaPath.replace(/\/additionalProperties$/, '')) as TSchema;
      if (parent.patternProperties) {
        const form = KEY_FORMS[Object.keys(parent.patternProperties as object)[0] ?? ''] ?? 'a name (a letter, then letters, digits, _ or -)';
        return { diagnostic: error('schema-pattern', join(path, key), `${quote(key)} is not a valid key here: it must be ${form}`), at: 'key' };
      }
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      const suggestion = closest(key, known);
      const hint = suggestion ? `did you mean ${quote(suggestion)}?` : known.length ? `allowed keys: ${known.join(', ')}` : undefined;
      return { diagnostic: error('schema-unknown-key', join(path, key), `unknown key ${quote(key)}`, hint), at: 'key' };
    }
    case 'type':
      return { diagnostic: error('schema-type', path, `must be ${String(params.type)}`), at: 'value' };
    case 'format': {
      const format = String(params.format);
      return { diagnostic: error('schema-format', path, `must be ${FORMAT_NAMES[format] ?? format}`), at: 'value' };
    }
    case 'pattern': {
      const schema = schemaAt(e.schemaPath.replace(/\/pattern$/, '')) as TSchema;
      return { diagnostic: error('schema-pattern', path, `must be ${String(schema.description ?? `matching ${String(params.pattern)}`).toLowerCase()}`), at: 'value' };
    }
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'minProperties':
      return { diagnostic: error('schema-range', path, e.message ?? 'out of range'), at: 'value' };
    case 'const':
    case 'enum':
      return { diagnostic: error('schema-enum', path, e.message ?? 'not an allowed value'), at: 'value' };
    default:
      return { diagnostic: error('schema-invalid', path, e.message ?? e.keyword), at: 'value' };
  }
}

function toPath(instancePath: string): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return formatPath(segments);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function schemaAt(schemaPath: string): unknown {
  return schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], Cluster);
}

function valueAt(data: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(schema: TSchema, value: unknown): boolean {
  const type = schema.type as string | undefined;
  if ('const' in schema) return schema.const === value;
  if (!type) return true;
  const actual = jsonType(value);
  return type === actual || (type === 'number' && actual === 'integer');
}

function describeSchema(schema: TSchema): string {
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.format && FORMAT_NAMES[schema.format as string]) return FORMAT_NAMES[schema.format as string]!;
  if (schema.type === 'object') return 'a mapping';
  if (schema.type === 'array') return 'a list';
  return `a ${String(schema.type ?? 'value')}`;
}

/** A close known key, for "did you mean" hints on typos. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    // the distance is at least the difference in length: a long key (a stack may hold megabytes) is never compared
    if (Math.abs(word.length - candidate.length) >= bestDistance) continue;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
