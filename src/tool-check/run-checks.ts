import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onPath } from '../host-tools/on-path.js';
import type { ClusterModel } from '../model/model.js';
import type { RenderedFile } from '../render/artifact.js';
import type { CheckResult, Checker } from './checker.js';
import { checkers as allCheckers } from './registry.js';

/** Checks every rendered file with the real tool that will read it; a missing tool is a failure that says what to install. */
export async function runChecks(
  model: ClusterModel,
  files: readonly RenderedFile[],
  checkers: readonly Checker[] = allCheckers,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const checker of checkers) {
    const mine = files.filter((f) => f.checker === checker.id);
    if (mine.length === 0) continue;
    const missing = [];
    for (const tool of checker.tools) if (!(await onPath(tool.binary))) missing.push(tool);
    if (missing.length) {
      const install = `install ${missing.map((t) => t.binary).join(', ')} (apt-get install ${[...new Set(missing.map((t) => t.apt))].join(' ')})`;
      for (const f of mine) results.push({ node: f.node, path: f.path, ok: false, tool: checker.id, message: install, missingTool: missing[0]!.binary });
      continue;
    }
    const workDir = await mkdtemp(join(tmpdir(), `hactl-check-${checker.id}-`));
    try {
      results.push(...(await checker.check(mine, { model, workDir, allFiles: files })));
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
  return results;
}
