/** One line of a cluster's timeline: what changed, when, and why as far as the observer can tell. */
export interface TimelineEvent {
  /** ms since the epoch */
  at: number;
  kind: 'observing' | 'node' | 'link' | 'group' | 'failover' | 'resource' | 'quorum' | 'warning' | 'test-failover' | 'fault' | 'action';
  /** the node, group, link or resource it is about */
  subject: string;
  text: string;
  cause?: string;
  /** failovers: how long the group ran nowhere as seen here; test failover: the measured time to the first answer */
  ms?: number;
  /** operator actions and tests that failed */
  ok?: boolean;
}
