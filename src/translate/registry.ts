import { agentToHeartbeat } from './agent-to-heartbeat.js';
import { agentToKeepalived } from './agent-to-keepalived.js';
import { corosync1To3 } from './corosync1-to-3.js';
import type { Form } from './form.js';
import { heartbeatToAgent } from './heartbeat-to-agent.js';
import { heartbeatToPacemaker } from './heartbeat-to-pacemaker.js';
import { keepalivedToAgent } from './keepalived-to-agent.js';
import { pacemakerHeartbeatToCorosync } from './pacemaker-heartbeat-to-corosync.js';
import { pacemakerSyntax } from './pacemaker-syntax.js';
import type { Translation } from './translation.js';

/** Every translation; adding one is a module and a line here. Chains are found, not listed. */
export const translations: readonly Translation[] = [
  heartbeatToPacemaker,
  pacemakerHeartbeatToCorosync,
  corosync1To3,
  pacemakerSyntax,
  heartbeatToAgent,
  keepalivedToAgent,
  agentToKeepalived,
  agentToHeartbeat,
];

/**
 * Forms a chain may end in but not pass through: heartbeat v1 and keepalived express the least (no constraints, few
 * monitors, no services), so a detour through them would drop what source and target both have (agent → heartbeat →
 * pacemaker would lose the agent's monitors and exec run even though Pacemaker has both).
 */
const endpointsOnly: ReadonlySet<Form> = new Set(['heartbeat', 'keepalived']);

/**
 * The shortest chain of form-changing translations from one form to another (breadth-first), then the fix-ups that
 * keep the goal's form (their `needed` decides at run time); undefined when no chain leads there.
 */
export function chainFor(from: Form, to: Form, registry: readonly Translation[] = translations): Translation[] | undefined {
  const fixups = registry.filter((t) => t.from === to && t.to === to);
  const steps = registry.filter((t) => t.from !== t.to);
  const reached = new Map<Form, Translation[]>([[from, []]]);
  const queue: Form[] = [from];
  while (queue.length) {
    const form = queue.shift()!;
    if (form === to) return [...reached.get(form)!, ...fixups];
    if (form !== from && endpointsOnly.has(form)) continue;
    for (const t of steps.filter((s) => s.from === form && !reached.has(s.to))) {
      reached.set(t.to, [...reached.get(form)!, t]);
      queue.push(t.to);
    }
  }
  return undefined;
}

/** The form-changing translations as `from → to, to` per source form, for a blocked report line. */
export function describeEdges(registry: readonly Translation[] = translations): string {
  const byFrom = new Map<Form, Form[]>();
  for (const t of registry) if (t.from !== t.to) byFrom.set(t.from, [...(byFrom.get(t.from) ?? []), t.to]);
  return [...byFrom].map(([from, tos]) => `${from} → ${tos.join(', ')}`).join('; ');
}
