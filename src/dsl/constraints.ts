import type { ColocationConstraint, LocationConstraint, OrderConstraint } from './types.js';

type Score = NonNullable<LocationConstraint['location']['score']>;

/**
 * A location constraint: where a resource prefers to run (crm `location ID RSC SCORE: NODE`); the resource and the
 * node are checked against the stack's (the builders keep both as literal types for `defineCluster`).
 *
 * @example location('ms-drbd0', 'host_m', 100, { role: 'master' })
 */
export function location<const R extends string, const N extends string>(
  rsc: R,
  node: N,
  score?: Score,
  options: Omit<LocationConstraint<N>['location'], 'rsc' | 'node' | 'score'> & Pick<LocationConstraint, 'id'> = {},
): LocationConstraint<N, R> {
  const { id, ...rest } = options;
  return { location: { rsc, node, ...(score === undefined ? {} : { score }), ...rest }, ...(id === undefined ? {} : { id }) };
}

/**
 * A colocation constraint: which resources run together (crm `colocation ID SCORE: RSC WITH[:ROLE]`); both are
 * checked against the stack's groups and resources.
 *
 * @example colocation('fs0', 'ms-drbd0', 'INFINITY', { withRole: 'master' })
 */
export function colocation<const R extends string, const W extends string>(
  rsc: R,
  withRsc: W,
  score?: Score,
  options: Omit<ColocationConstraint['colocation'], 'rsc' | 'with' | 'score'> & Pick<ColocationConstraint, 'id'> = {},
): ColocationConstraint<R | W> {
  const { id, ...rest } = options;
  return { colocation: { rsc, with: withRsc, ...(score === undefined ? {} : { score }), ...rest }, ...(id === undefined ? {} : { id }) };
}

/**
 * An order constraint: in which order resources act (crm `order ID FIRST[:ACTION] THEN[:ACTION]`); both are
 * checked against the stack's groups and resources.
 *
 * @example order('ms-drbd0', 'fs0', { firstAction: 'promote', thenAction: 'start' })
 */
export function order<const F extends string, const T extends string>(
  first: F,
  then: T,
  options: Omit<OrderConstraint['order'], 'first' | 'then'> & Pick<OrderConstraint, 'id'> = {},
): OrderConstraint<F | T> {
  const { id, ...rest } = options;
  return { order: { first, then, ...rest }, ...(id === undefined ? {} : { id }) };
}
