import type { OpenCluster } from '../operations/open-cluster.js';
import { lostConnections } from './lost-connections.js';

const FIRST_PAUSE_MS = 5_000;
const LONGEST_PAUSE_MS = 60_000;

/**
 * A new session for a watch whose connections were lost (an SSH session ended by a restarted sshd, a reboot, a
 * dropped link): without it, a node that comes back is never read again until the exporter or the page restarts.
 * The new session is opened in the background, so reads go on over the connections that still work; a node that
 * stays unreachable is tried again after a pause that doubles up to a minute (each try logs in to every node).
 */
export class Reconnector {
  private pending?: Promise<void>;
  private ready?: OpenCluster;
  private nextCheckAt = 0;
  private pauseMs = FIRST_PAUSE_MS;

  constructor(private readonly open: () => Promise<OpenCluster>) {}

  /** Probes the nodes that did not report; when a connection is gone, starts opening a new session. Returns those nodes. */
  async check(cluster: OpenCluster, silent: readonly string[]): Promise<string[]> {
    if (silent.length === 0 || this.pending || this.ready || Date.now() < this.nextCheckAt) return [];
    const lost = await lostConnections(cluster.access, silent);
    this.nextCheckAt = Date.now() + this.pauseMs;
    if (lost.length === 0) return [];
    this.pending = this.open().then(
      (fresh) => {
        this.ready = fresh;
        this.pauseMs = FIRST_PAUSE_MS;
      },
      () => {
        this.pauseMs = Math.min(this.pauseMs * 2, LONGEST_PAUSE_MS);
        this.nextCheckAt = Date.now() + this.pauseMs;
      },
    ).finally(() => (this.pending = undefined));
    return lost;
  }

  /** The new session once it is open; handed out once. */
  take(): OpenCluster | undefined {
    const fresh = this.ready;
    this.ready = undefined;
    return fresh;
  }

  async stop(): Promise<void> {
    await this.pending;
    await this.take()?.close();
  }
}
