import { sourceWarning, type Where } from '../located.js';
import { item } from '../report.js';
import type { Assembly } from './context.js';

/**
 * One value for the whole cluster from the nodes' files: the first node's, with every node that says otherwise
 * reported as a conflict showing both values (never for secrets: those callers pass show=false; values kept in
 * another unit than the files write them, such as durations in ms, pass how to show them).
 */
export function agreed<T>(a: Assembly, what: string, path: string, values: readonly { node: string; value: T | undefined; where?: Where }[], show: boolean | ((value: T) => string) = true): T | undefined {
  const present = values.filter((v) => v.value !== undefined);
  const first = present[0];
  if (!first) return undefined;
  const key = (v: T | undefined) => JSON.stringify(v);
  for (const other of values) {
    if (key(other.value) === key(first.value)) continue;
    const text = (v: T | undefined) =>
      !show ? '(value not shown)' : v === undefined ? '(not set)' : typeof show === 'function' ? show(v) : String(typeof v === 'object' ? JSON.stringify(v) : v);
    const message = `${what}: ${first.node} says ${text(first.value)}, ${other.node} says ${text(other.value)}; the stack takes ${first.node}'s`;
    a.items.push(item('conflict', 'nodes-disagree', message, { ...(other.where ? { where: other.where } : {}), path }));
    a.issues.push(sourceWarning('import-conflict', other.where ?? first.where ?? { file: other.node, line: 0, column: 0 }, message));
  }
  return first.value;
}
