import { CloneType, type TSchema } from '@sinclair/typebox';

/**
 * What the TypeScript DSL's types need beyond JSON Schema, kept on the schema under a symbol key: symbols never reach
 * the JSON Schema file nor ajv, so YAML and TS stacks stay checked by one schema (see src/model/dsl-types.ts).
 */
export const DSL = Symbol.for('hactl.dsl');

export interface DslMark {
  /** the exported TypeScript type this schema becomes (Heartbeat, VipResource) */
  name?: string;
  /** the description of that type itself, kept when a field using it gets its own (`doc`) */
  summary?: string;
  /** a TypeScript type written as is (Duration, Ipv4Cidr): tighter than what JSON Schema's `string` says */
  type?: string;
  /**
   * a reference to one of the stack's node, NIC, resource or VRRP track script names, checked against them at compile
   * time
   */
  ref?: 'node' | 'nic' | 'resource' | 'script';
  /**
   * a field that gives a resource its name, so constraints may name it: an explicit name, a group, a service or LSB
   * script (named after itself), or a value a name is derived from (a VIP's address, a systemd unit, an OCF agent, a
   * DRBD resource, a mount point); see src/dsl/names.ts
   */
  defines?: 'name' | 'vip' | 'unit' | 'agent' | 'drbd' | 'mount';
  /**
   * a map whose keys are node names (nodes, drbd hosts, VRRP priorities), NIC names (a node's nics) or the names of
   * VRRP track scripts (keepalived.scripts)
   */
  keys?: 'node' | 'define-node' | 'define-nic' | 'define-script';
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
