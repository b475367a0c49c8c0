import type { ClusterStatus } from '../../../runtime/status.js';
import type { TimelineEvent } from '../../timeline/events.js';

/** What the server sends on /events and /api/state (src/observe/ui/server.ts `snapshot`). */
export interface UiState {
  cluster: string;
  runtime: string;
  where: string;
  allowActions: boolean;
  nodes: string[];
  status: ClusterStatus | null;
  error: string | null;
  at: number;
  timeline: TimelineEvent[];
}

export type { ClusterStatus, TimelineEvent };
