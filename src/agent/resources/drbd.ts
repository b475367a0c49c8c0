import type { DrbdResource } from '../config/index.js';
import { runCommand, summarize } from './command.js';
import { OpFailure, type ResourceDriver } from './driver.js';

/** The role only: start = promote to Primary, stop = demote to Secondary (replication itself stays up). */
export function drbdDriver(res: DrbdResource): ResourceDriver {
  return {
    async start({ timeoutMs }) {
      const r = await runCommand(['drbdadm', 'primary', res.resource], { timeoutMs });
      if (r.code !== 0) throw new OpFailure(`drbdadm primary ${res.resource}: ${summarize(r)}`, r.code);
    },
    async stop({ timeoutMs }) {
      const r = await runCommand(['drbdadm', 'secondary', res.resource], { timeoutMs });
      if (r.code !== 0) throw new OpFailure(`drbdadm secondary ${res.resource}: ${summarize(r)}`, r.code);
    },
    async monitor({ timeoutMs }) {
      const r = await runCommand(['drbdadm', 'role', res.resource], { timeoutMs });
      const role = r.stdout.trim();
      // drbd 8 prints "Primary/Secondary" (local/peer), drbd 9 prints "Primary".
      if (r.code === 0 && role.startsWith('Primary')) return { state: 'running' };
      if (r.code === 0 && role.startsWith('Secondary')) return { state: 'stopped' };
      return { state: 'failed', detail: `drbdadm role ${res.resource}: ${role || summarize(r)}` };
    },
  };
}
