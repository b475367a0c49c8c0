import type { AgentQuorum } from '../config/index.js';

export interface QuorumState {
  quorate: boolean;
  votes: number;
  expected: number;
  /** Why, for logs and status. */
  reason: string;
}

/** Majority of expected votes; with two expected votes one suffices when twoNode is on (corosync two_node). */
export function computeQuorum(q: AgentQuorum, votes: number): QuorumState {
  const expected = q.expectedVotes;
  if (q.twoNode && expected === 2 && votes >= 1) return { quorate: true, votes, expected, reason: 'two-node cluster' };
  const quorate = votes * 2 > expected;
  return { quorate, votes, expected, reason: quorate ? `${votes} of ${expected} votes` : `only ${votes} of ${expected} votes` };
}
