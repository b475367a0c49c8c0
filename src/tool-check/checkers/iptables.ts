import type { RenderedFile } from '../../render/artifact.js';
import { quote } from '../../transport/shell.js';
import { checkEach, type CheckResult, defineChecker, NAMESPACE_TOOLS } from '../checker.js';
import { setupFailure, withNetns } from '../throwaway-netns.js';

const TOOL = 'iptables-restore (loaded for real in a throw-away network namespace)';

/** Loading the rules for real resolves jump targets and matches, which `iptables-restore --test` skips on nft. */
async function checkOne(file: RenderedFile): Promise<CheckResult> {
  const base = { node: file.node, path: file.path, tool: TOOL };
  if (!/^COMMIT\s*$/m.test(file.content)) return { ...base, ok: false, message: 'no COMMIT line: iptables-restore would load nothing' };
  let r;
  try {
    r = await withNetns([], (ns) => ns.run(['iptables-restore'], { input: file.content }));
  } catch (e) {
    return { ...base, ok: false, message: setupFailure(e) };
  }
  if (r.exitCode === 0) return { ...base, ok: true };
  return { ...base, ok: false, message: r.stderr.trim() || (r.timedOut ? 'timed out' : `exit ${r.exitCode}`) };
}

export const iptablesChecker = defineChecker({
  id: 'iptables',
  tools: [
    { binary: 'iptables-restore', apt: 'iptables' },
    ...NAMESPACE_TOOLS,
  ],
  check: (files) => checkEach(files, (file) => checkOne(file)),
  writeLast: true,
  onNode: { tool: 'iptables-restore --test', binary: 'iptables-restore', command: (p) => `iptables-restore --test < ${quote(p)}` },
});
