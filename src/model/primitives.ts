import { Type, type SchemaOptions, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { doc, mark } from './annotate.js';
import { toMs } from './duration.js';

/** A union of string literals that keeps its literal type. */
export function OneOf<const T extends readonly string[]>(values: T, options?: SchemaOptions) {
  return Type.Union(values.map((v) => Type.Literal(v)), options) as unknown as TUnion<TLiteral<T[number]>[]>;
}

/**
 * The longest value a duration field may take. No cluster waits longer than a week, and the bundled agent's timers
 * (setTimeout) fire at once past 24.8 days; a huge value (`99999999999999999999ms`) would otherwise be rendered as
 * `1e+26ms`, which heartbeat, crm and keepalived misread.
 */
export const DURATION_LIMITS = ['10m', '1h', '24h', '168h'] as const;
export type DurationLimit = (typeof DURATION_LIMITS)[number];

/** The schema format of a duration string of at most `max` (checked by the loader's format registry). */
export function durationFormat(max: DurationLimit): string {
  return `hactl-duration-max-${max}`;
}

/**
 * `2s`, `500ms`, `1m` or a bare number of seconds (as ha.cf and keepalived.conf accept), from 0 up to `max`; `what`
 * says what the field means. In TypeScript stacks the unit is part of the type (`${number}s`): `'2 sec'` does not compile.
 */
export function Duration(max: DurationLimit, what: string) {
  const schema = Type.Union([Type.String({ format: durationFormat(max) }), Type.Number({ minimum: 0, maximum: toMs(max) / 1000 })], {
    description: `${what}; a duration up to ${max} ("2s", "500ms", or seconds)`,
    examples: ['2s', '500ms'],
  });
  return mark(schema, { type: 'Duration' });
}

export const Ipv4 = mark(Type.String({ format: 'ipv4', description: 'An IPv4 address in dotted-quad form' }), { type: 'Ipv4' });
export const Ipv4Cidr = mark(Type.String({ format: 'ipv4-cidr', description: 'An IPv4 address with prefix length, e.g. 172.16.0.2/24' }), {
  type: 'Ipv4Cidr',
});
export const Name = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,62}$', description: 'A name: a letter, then letters, digits, _ or -' });
/** A node of this stack, by its name under `nodes` (TypeScript stacks check it against them at compile time). */
export const NodeRef = mark(Type.String({ ...Name, description: 'A node of this stack (a key of nodes)' }), { ref: 'node' });
/** A NIC of this stack's nodes, by its name under `nics`. */
export const NicRef = mark(Type.String({ ...Name, description: "A NIC of this stack's nodes (a key of a node's nics)" }), { ref: 'nic' });
// Paths from a stack end up as file locations under an output directory or an apply root (`apply --local DIR`),
// in config files and in scripts: a `..` segment would leave that root, and a control character (NUL, newline,
// escape) would cut or forge a line. Segments are non-empty, so the form is canonical apart from a trailing slash.
const SEGMENT = String.raw`/(?!\.\.?(?:/|$))[^/\x00-\x1f\x7f-\x9f]+`;
export const ABS_PATH_PATTERN = `^(?:/|(?:${SEGMENT})+/?)$`;
export const FILE_PATH_PATTERN = `^(?:${SEGMENT})+$`;

export const AbsPath = mark(
  Type.String({ pattern: ABS_PATH_PATTERN, description: 'An absolute path without . or .. segments, empty segments or control characters' }),
  { type: 'AbsPath' },
);
/** Where hactl writes a file: an absolute path that names a file, not `/` or a directory (`/etc/`). */
export const FilePath = mark(
  Type.String({
    pattern: FILE_PATH_PATTERN,
    description: 'An absolute file path: not / and no trailing /, without . or .. segments, empty segments or control characters',
  }),
  { type: 'AbsPath' },
);

/**
 * Any free text that ends up in a config file or script: one line, no control characters. Every format hactl writes
 * is line-based, so a newline in a value would start a new directive (keepalived `script_user root`, a crm
 * `primitive`, an iptables `-A INPUT -j ACCEPT`); nowhere is a control character a legal part of such a value.
 * C1 controls and the Unicode line separators are refused too: some parsers and editors treat them as line breaks.
 */
export const TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$';
/** The characters TEXT_PATTERN refuses, for checks on values that do not come through the schema (secrets). */
export const CONTROL_CHARS = new RegExp(TEXT_PATTERN.replace('^[^', '[').replace(']*$', ']'));
export function Text(options: { minLength?: number; description?: string } = {}) {
  return Type.String({ ...options, pattern: TEXT_PATTERN, description: options.description ?? 'Text on one line, without control characters' });
}

/** Keys of free-form maps (crm params, meta attributes): the attribute-name syntax crmsh and the CIB accept. */
export const AttributeName = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$',
  description: 'An attribute name: a letter or _, then letters, digits, _ . : or -',
});

/** Cluster property names as Pacemaker spells them (stonith-enabled, no-quorum-policy). */
export const PropertyName = Type.String({ pattern: '^[a-z][a-z0-9-]*$', description: 'A property name: lowercase letters, digits and -' });

/** A host name as /etc/hosts takes it: labels of letters, digits and -, separated by dots. */
export const HostName = Type.String({
  pattern: '^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$',
  description: 'A host name: labels of letters, digits and -, separated by dots',
});
export const Port = Type.Integer({ minimum: 1, maximum: 65535, description: 'A TCP or UDP port, 1..65535' });

/** A secret never has to be written inline: it comes from the environment or a file. */
export const SecretRef = mark(
  Type.Union(
    [
      Type.Object(
        { env: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'The environment variable that holds the key when hactl runs' }) },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          file: Text({ minLength: 1, description: "A file that holds the key, relative to the stack's directory" }),
          generate: Type.Optional(Type.Boolean({ description: 'Create the file with a random key (mode 0600) when it is missing' })),
        },
        { additionalProperties: false },
      ),
      Type.Object({ value: Text({ minLength: 1, description: 'Inline secret (warned: keep secrets out of stacks)' }) }, { additionalProperties: false }),
    ],
    { kindKeys: ['env', 'file', 'value'], description: 'Where a secret comes from: { env }, { file } or (warned) an inline { value }' },
  ),
  { name: 'SecretRef' },
);

/** A union whose branch is chosen by which key is present; the loader reports errors of that branch only. */
export function KeyedUnion<T extends TSchema[]>(branches: [...T], kindKeys: string[], description: string) {
  return Type.Union(branches, { kindKeys, description });
}

export const OnFail = OneOf(['restart', 'block', 'stop', 'ignore', 'fence', 'standby'], {
  description: 'What to do when the operation fails',
});

const opInterval = () => Duration('24h', 'How often the operation runs; 0s for start and stop');
const opTimeout = () => Duration('24h', 'How long the operation may take before it counts as failed');

export const Op = mark(
  Type.Object(
    { interval: Type.Optional(opInterval()), timeout: Type.Optional(opTimeout()), onFail: Type.Optional(OnFail) },
    { additionalProperties: false, description: 'A resource operation (crm `op NAME interval=... timeout=... on-fail=...`)' },
  ),
  { name: 'Op' },
);

export const MonitorCheck = OneOf(['memcached', 'http', 'tcp', 'process', 'script'], {
  description: 'How the bundled agent or a generated monitor script checks the service',
});

export const MonitorOp = mark(
  Type.Object(
    {
      interval: Type.Optional(Duration('24h', 'How often the monitor checks the resource (default 10s)')),
      timeout: Type.Optional(opTimeout()),
      onFail: Type.Optional(OnFail),
      kind: Type.Optional(MonitorCheck),
      port: Type.Optional(doc(Port, 'The port a memcached or tcp check connects to')),
      url: Type.Optional(Text({ description: 'The URL an http check fetches (a 2xx or 3xx answer passes)' })),
      pidfile: Type.Optional(doc(AbsPath, 'The pid file a process check reads')),
      command: Type.Optional(Text({ description: 'The shell command a script check runs (exit 0 passes)' })),
    },
    {
      additionalProperties: false,
      description: 'The monitor operation, with the check that runtimes without resource agents (heartbeat v1, the bundled agent) run',
    },
  ),
  { name: 'MonitorOp' },
);

export const ScoreValue = Type.Union([Type.Integer(), Type.Literal('INFINITY'), Type.Literal('-INFINITY')], {
  description: 'A Pacemaker score: an integer, INFINITY or -INFINITY',
});
