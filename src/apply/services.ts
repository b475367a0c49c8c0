import type { PlatformName } from '../model/model.js';
import { platformProfile } from '../platform/profiles.js';
import type { Transport } from '../transport/transport.js';
import { ApplyError } from './errors.js';

export interface ServiceRequest {
  node: string;
  transport: Transport;
  platform: PlatformName;
  service: string;
  action: 'reload' | 'restart';
}

/** Reloads or restarts a service on a node; the lab provider supplies its own (its nodes have no systemd). */
export interface ServiceController {
  run(request: ServiceRequest): Promise<void>;
}

// A service whose init script hangs must not hang the apply of every node behind it.
const SERVICE_TIMEOUT_MS = 120_000;

/** The platform's own command: `service X reload` on centos6, `systemctl reload X` on debian12. */
export const platformServices: ServiceController = {
  async run({ node, transport, platform, service, action }) {
    const command = platformProfile(platform).serviceAction(service, action);
    const r = await transport.exec(command, { timeoutMs: SERVICE_TIMEOUT_MS });
    if (r.code !== 0) {
      const detail = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-3).join(' / ') || `exit ${r.code}`;
      throw new ApplyError('apply-service-failed', node, `${node}: \`${command}\` failed: ${detail}`);
    }
  },
};
