import {
  Type,
  type SchemaOptions,
  type Static,
  type TArray,
  type TLiteral,
  type TObject,
  type TOptional,
  type TRecord,
  type TSchema,
  type TString,
  type TUnion,
} from '@sinclair/typebox';

// The agent config is declared once, in TypeBox (schema.ts): the JSON Schema editors see, the parser's rules and
// defaults, and two TypeScript types come from it. A writer (the renderer, the heartbeat v1 reader) builds the
// *document*, where a field with a default may be left out; the agent runs on the *resolved* config, where the
// parser has filled every such field in. These helpers mark which is which.

declare const filled: unique symbol;
declare const resolvesTo: unique symbol;

/** A field the document may leave out and the parser always fills in. */
export type TFilled<T extends TSchema> = TOptional<T> & { readonly [filled]: true };
/** A field the parser rewrites into another form (`"+INFINITY"` into `"INFINITY"`, a number param into a string). */
export type TNormalized<T extends TSchema, R> = T & { readonly [resolvesTo]: R };

// Symbols, so the parser's hooks never show in the generated JSON Schema.
export const NORMALIZE = Symbol('hactl.agent-config.normalize');
export const COMPUTED = Symbol('hactl.agent-config.computed');
export const SHOW_VALUE = Symbol('hactl.agent-config.show-value');

/** Left out, it takes `value` (written into the JSON Schema as `default`); an object default is filled in turn. */
export function Defaulted<T extends TSchema>(schema: T, value: Static<T> | Record<string, never>): TFilled<T> {
  return Type.Optional({ ...schema, default: value }) as unknown as TFilled<T>;
}

/** Left out, the parser computes it from other fields (parse.ts); `description` says how. */
export function Computed<T extends TSchema>(schema: T, description: string): TFilled<T> {
  return Type.Optional({ ...schema, description, [COMPUTED]: true }) as unknown as TFilled<T>;
}

export function Normalized<T extends TSchema, R>(schema: T, normalize: (value: Static<T>) => R): TNormalized<T, R> {
  return { ...schema, [NORMALIZE]: normalize } as unknown as TNormalized<T, R>;
}

/**
 * One message for anything wrong inside `schema` (`errorMessage`, which editors show too); with `showValue` the
 * parser adds the value it got, as JSON.
 */
export function Explained<T extends TSchema>(schema: T, errorMessage: string, showValue = false): T {
  return { ...schema, errorMessage, ...(showValue ? { [SHOW_VALUE]: true } : {}) };
}

/** A union of string literals that keeps its literal type. */
export function OneOf<const T extends readonly string[]>(values: T, options?: SchemaOptions): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(values.map((v) => Type.Literal(v)), options) as unknown as TUnion<TLiteral<T[number]>[]>;
}

/** A non-empty string. */
export function Text(options: SchemaOptions = {}): TString {
  return Type.String({ minLength: 1, ...options });
}

/** A non-empty string matching `pattern`; `must` completes "must be …" in the parser's message (and editors'). */
export function Matching(pattern: string, must: string, options: SchemaOptions = {}): TString {
  return Type.String({ minLength: 1, pattern, patternErrorMessage: `must be ${must}`, ...options });
}

type Evaluate<T> = { [K in keyof T]: T[K] } & {};
type IsFilled<S> = S extends { readonly [filled]: true } ? true : false;
type OptionalKeys<P> = { [K in keyof P]: IsFilled<P[K]> extends true ? never : P[K] extends TOptional<TSchema> ? K : never }[keyof P];
type RequiredKeys<P> = Exclude<keyof P, OptionalKeys<P>>;

/** The type of a schema after parsing: filled fields are there, normalised fields have their resolved form. */
export type Resolved<T> =
  T extends { readonly [resolvesTo]: infer R } ? R
  : T extends TObject<infer P> ? Evaluate<{ [K in RequiredKeys<P>]: Resolved<P[K]> } & { [K in OptionalKeys<P>]?: Resolved<P[K]> }>
  : T extends TArray<infer I> ? Resolved<I>[]
  : T extends TRecord<TString, infer V> ? Record<string, Resolved<V>>
  : T extends TUnion<infer U> ? Resolved<U[number]>
  : T extends TSchema ? Static<T>
  : never;
