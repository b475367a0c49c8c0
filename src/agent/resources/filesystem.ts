import { readFile } from 'node:fs/promises';
import type { FilesystemResource } from '../config/index.js';
import { runCommand, summarize } from './command.js';
import { OpFailure, type ResourceDriver } from './driver.js';

/** /proc/mounts escapes blanks as octal (\040). */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

export async function isMounted(directory: string, mounts = '/proc/mounts'): Promise<boolean> {
  const text = await readFile(mounts, 'utf8');
  const dir = directory.replace(/\/+$/, '') || '/';
  return text.split('\n').some((line) => unescapeMount(line.split(' ')[1] ?? '') === dir);
}

export function filesystemDriver(res: FilesystemResource): ResourceDriver {
  return {
    async start({ timeoutMs }) {
      if (await isMounted(res.directory)) return;
      await runCommand(['mkdir', '-p', res.directory], { timeoutMs });
      const argv = ['mount', '-t', res.fstype, ...(res.options ? ['-o', res.options] : []), res.device, res.directory];
      const r = await runCommand(argv, { timeoutMs });
      if (r.code !== 0) throw new OpFailure(`mount ${res.device} ${res.directory}: ${summarize(r)}`, r.code);
    },
    async stop({ timeoutMs }) {
      const deadline = Date.now() + timeoutMs;
      // As the Filesystem agent's force_unmount: kill what keeps the mount busy, then retry.
      for (let attempt = 0; attempt < 3; attempt++) {
        if (!(await isMounted(res.directory))) return;
        const left = Math.max(1, deadline - Date.now());
        const r = await runCommand(['umount', res.directory], { timeoutMs: left });
        if (r.code === 0) return;
        if (attempt < 2) await runCommand(['fuser', '-km', res.directory], { timeoutMs: Math.max(1, deadline - Date.now()) });
        else throw new OpFailure(`umount ${res.directory}: ${summarize(r)}`, r.code);
      }
    },
    async monitor() {
      return (await isMounted(res.directory)) ? { state: 'running' } : { state: 'stopped', detail: `${res.directory} not mounted` };
    },
  };
}
