import { CloneType, type TSchema } from '@sinclair/typebox';

/**
 * What the TypeScript DSL's types need beyond JSON Schema, kept on the schema under a symbol key: symbols never reach
 * the JSON Schema file nor ajv, so YAML and TS stacks stay checked by one schema (see scripts/gen-dsl-types.ts).
 */
export const DSL = Symbol.for('hactl.dsl');

export interface DslMark {
  /** the exported TypeScript type this schema becomes (Heartbeat, VipResource) */
  name?: string;
  /** the description of that type itself, kept when a field using it gets its own (`doc`) */
  summary?: string;
  /** a TypeScript type written as is (Duration, Ipv4Cidr): tighter than what JSON Schema's `string` says */
  type?: string;
  /** a reference to one of the stack's node or NIC names, checked against them at compile time */
  ref?: 'node' | 'nic';
  /** a map whose keys are node names (nodes, drbd hosts, VRRP priorities) or NIC names (a node's nics) */
  keys?: 'node' | 'define-node' | 'define-nic';
}

export function dslMark(schema: TSchema): DslMark | undefined {
  return (schema as TSchema & { [DSL]?: DslMark })[DSL];
}

/**
 * Adds DSL marks to a schema built for this place (merged with those it has) and returns it. It marks in place: a
 * copy of a schema as big as the cluster's would cost every hactl start-up time, and every caller passes a schema it
 * has just built.
 */
export function mark<T extends TSchema>(schema: T, extra: DslMark): T {
  const summary = extra.name ? { summary: schema.description } : {};
  return Object.assign(schema, { [DSL]: { ...dslMark(schema), ...summary, ...extra } });
}

/**
 * A shared schema (Port, Duration, Name) with the description of the field it is used for: the description is shown
 * on hover in YAML editors (through the JSON Schema) and in TypeScript editors (through the generated DSL types).
 */
export function doc<T extends TSchema>(schema: T, description: string): T {
  return Object.assign(CloneType(schema), { description });
}
