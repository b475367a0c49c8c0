import { LabError } from '../../netns/errors.js';
import type { Lab } from '../../netns/index.js';
import type { RenderedFile } from '../../render/artifact.js';
import { memberName } from './lab-spec.js';

// Runs inside the node's mount namespace, so a path like /etc/ha.d/ha.cf lands in the node's private /etc.
const INSTALL = 'set -e; mkdir -p "$(dirname "$1")"; cat > "$1.hactl-tmp"; chmod "$2" "$1.hactl-tmp"; mv -f "$1.hactl-tmp" "$1"';

/** Places a node's rendered files directly (the lab's stand-in for `apply` when the stack has no SSH). */
export async function placeFiles(lab: Lab, node: string, files: readonly RenderedFile[]): Promise<void> {
  for (const file of files) {
    const result = await lab.exec(memberName(node), ['sh', '-c', INSTALL, 'sh', file.path, file.mode], { input: file.content });
    if (result.exitCode !== 0) throw new LabError('lab-place-failed', `cannot place ${file.path} on ${node}: ${result.stderr.trim()}`);
  }
}
