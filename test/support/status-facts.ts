import { expect } from 'vitest';
import type { ClusterStatus } from '../../src/runtime/status.js';

/**
 * `hactl status` text and `--json` must say the same things: the runtime, every node's state, where every group runs.
 * Checks the text against the JSON line by line, so a fact one of them drops or gets wrong fails.
 */
export function expectSameFacts(text: string, json: ClusterStatus): void {
  expect(text).toContain(`Cluster ${json.cluster} (${json.runtime}), reported by ${json.reportedBy.join(', ')}`);
  for (const n of json.nodes) expect(text).toMatch(new RegExp(`^  ${n.name}\\s+${n.state}\\b`, 'm'));
  for (const g of json.groups) {
    const where = g.runningOn.length ? `started on ${g.runningOn.join(', ')}` : 'stopped';
    expect(text).toContain(`  ${g.name} (${g.kind}): ${where}`);
  }
  for (const w of json.warnings) expect(text).toContain(`** ${w} **`);
}
