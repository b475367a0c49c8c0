import type { ColocationConstraint, LocationConstraint, OrderConstraint } from './types.js';

type Score = NonNullable<LocationConstraint['location']['score']>;

/**
 * A location constraint: where a resource prefers to run (crm `location ID RSC SCORE: NODE`); the node is checked
 * against the stack's nodes.
 *
 * @example location('ms-drbd0', 'host_m', 100, { role: 'master' })
 */
export function location<const N extends string>(
  rsc: string,
  node: N,
  score?: Score,
  options: Omit<LocationConstraint<N>['location'], 'rsc' | 'node' | 'score'> & Pick<LocationConstraint, 'id'> = {},
): LocationConstraint<N> {
  const { id, ...rest } = options;
  return { location: { rsc, node, ...(score === undefined ? {} : { score }), ...rest }, ...(id === undefined ? {} : { id }) };
}

/**
 * A colocation constraint: which resources run together (crm `colocation ID SCORE: RSC WITH[:ROLE]`).
 *
 * @example colocation('fs0', 'ms-drbd0', 'INFINITY', { withRole: 'master' })
 */
export function colocation(
  rsc: string,
  withRsc: string,
  score?: Score,
  options: Omit<ColocationConstraint['colocation'], 'rsc' | 'with' | 'score'> & Pick<ColocationConstraint, 'id'> = {},
): ColocationConstraint {
  const { id, ...rest } = options;
  return { colocation: { rsc, with: withRsc, ...(score === undefined ? {} : { score }), ...rest }, ...(id === undefined ? {} : { id }) };
}

/**
 * An order constraint: in which order resources act (crm `order ID FIRST[:ACTION] THEN[:ACTION]`).
 *
 * @example order('ms-drbd0', 'fs0', { firstAction: 'promote', thenAction: 'start' })
 */
export function order(
  first: string,
  then: string,
  options: Omit<OrderConstraint['order'], 'first' | 'then'> & Pick<OrderConstraint, 'id'> = {},
): OrderConstraint {
  const { id, ...rest } = options;
  return { order: { first, then, ...rest }, ...(id === undefined ? {} : { id }) };
}
