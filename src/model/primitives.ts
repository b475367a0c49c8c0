import { Type, type SchemaOptions, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
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

/** `2s`, `500ms`, `1m` or a bare number of seconds (as ha.cf and keepalived.conf accept), from 0 up to `max`. */
export function Duration(max: DurationLimit) {
  return Type.Union([Type.String({ format: durationFormat(max) }), Type.Number({ minimum: 0, maximum: toMs(max) / 1000 })], {
    description: `A duration of at most ${max}: "2s", "500ms", "1m", or a number of seconds`,
    examples: ['2s', '500ms'],
  });
}

export const Ipv4 = Type.String({ format: 'ipv4', description: 'An IPv4 address in dotted-quad form' });
export const Ipv4Cidr = Type.String({ format: 'ipv4-cidr', description: 'An IPv4 address with prefix length, e.g. 172.16.0.2/24' });
export const Name = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,62}$', description: 'A name: a letter, then letters, digits, _ or -' });
// Paths from a stack end up as file locations under an output directory or an apply root (`apply --local DIR`),
// in config files and in scripts: a `..` segment would leave that root, and a control character (NUL, newline,
// escape) would cut or forge a line. Segments are non-empty, so the form is canonical apart from a trailing slash.
const SEGMENT = String.raw`/(?!\.\.?(?:/|$))[^/\x00-\x1f\x7f-\x9f]+`;
export const ABS_PATH_PATTERN = `^(?:/|(?:${SEGMENT})+/?)$`;
export const FILE_PATH_PATTERN = `^(?:${SEGMENT})+$`;

export const AbsPath = Type.String({
  pattern: ABS_PATH_PATTERN,
  description: 'An absolute path without . or .. segments, empty segments or control characters',
});
/** Where hactl writes a file: an absolute path that names a file, not `/` or a directory (`/etc/`). */
export const FilePath = Type.String({
  pattern: FILE_PATH_PATTERN,
  description: 'An absolute file path: not / and no trailing /, without . or .. segments, empty segments or control characters',
});

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
export const Port = Type.Integer({ minimum: 1, maximum: 65535 });

/** A secret never has to be written inline: it comes from the environment or a file. */
export const SecretRef = Type.Union(
  [
    Type.Object({ env: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }) }, { additionalProperties: false }),
    Type.Object(
      {
        file: Text({ minLength: 1 }),
        generate: Type.Optional(Type.Boolean({ description: 'Create the file with a random key (mode 0600) when it is missing' })),
      },
      { additionalProperties: false },
    ),
    Type.Object({ value: Text({ minLength: 1, description: 'Inline secret (warned: keep secrets out of stacks)' }) }, { additionalProperties: false }),
  ],
  { kindKeys: ['env', 'file', 'value'] },
);

/** A union whose branch is chosen by which key is present; the loader reports errors of that branch only. */
export function KeyedUnion<T extends TSchema[]>(branches: [...T], kindKeys: string[], description: string) {
  return Type.Union(branches, { kindKeys, description });
}

export const OnFail = OneOf(['restart', 'block', 'stop', 'ignore', 'fence', 'standby'], {
  description: 'What to do when the operation fails',
});

export const Op = Type.Object(
  {
    interval: Type.Optional(Duration('24h')),
    timeout: Type.Optional(Duration('24h')),
    onFail: Type.Optional(OnFail),
  },
  { additionalProperties: false },
);

export const MonitorCheck = OneOf(['memcached', 'http', 'tcp', 'process', 'script'], {
  description: 'How the bundled agent or a generated monitor script checks the service',
});

export const MonitorOp = Type.Object(
  {
    interval: Type.Optional(Duration('24h')),
    timeout: Type.Optional(Duration('24h')),
    onFail: Type.Optional(OnFail),
    kind: Type.Optional(MonitorCheck),
    port: Type.Optional(Port),
    url: Type.Optional(Text()),
    pidfile: Type.Optional(AbsPath),
    command: Type.Optional(Text()),
  },
  { additionalProperties: false },
);

export const ScoreValue = Type.Union([Type.Integer(), Type.Literal('INFINITY'), Type.Literal('-INFINITY')]);
