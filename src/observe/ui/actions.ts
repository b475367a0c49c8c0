import { HactlError } from '../../diagnostics/index.js';
import { runOperation } from '../../operations/operate.js';
import type { OperationArgs } from '../../runtime/runtime.js';
import { appendHistory, type ActionRecord } from '../history/history.js';
import type { ClusterWatch } from '../watch.js';

/** What the page's buttons may do: the operations that move groups or clear failures, never stop or start. */
export const UI_ACTIONS = ['standby', 'online', 'move', 'unmove', 'cleanup'] as const;
export type UiAction = (typeof UI_ACTIONS)[number];

const FIELDS: { [A in UiAction]: { required: (keyof OperationArgs[A])[]; optional: (keyof OperationArgs[A])[] } } = {
  standby: { required: ['node'], optional: [] },
  online: { required: ['node'], optional: [] },
  move: { required: ['group', 'node'], optional: [] },
  unmove: { required: ['group'], optional: [] },
  cleanup: { required: [], optional: ['resource', 'node'] },
};

/** A request body → one action with exactly its arguments, or a bad-request error naming what is wrong. */
export function parseAction(body: unknown): { op: UiAction; args: Record<string, string> } {
  const b = body as { op?: unknown; args?: unknown } | null;
  const op = b?.op;
  if (typeof op !== 'string' || !(UI_ACTIONS as readonly string[]).includes(op)) throw new HactlError('observe-bad-request', `unknown action; one of ${UI_ACTIONS.join(', ')}`);
  const fields = FIELDS[op as UiAction] as { required: string[]; optional: string[] };
  const given = (typeof b?.args === 'object' && b.args !== null ? b.args : {}) as Record<string, unknown>;
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(given)) {
    if (![...fields.required, ...fields.optional].includes(k)) throw new HactlError('observe-bad-request', `${op} takes no ${k}`);
    if (typeof v !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(v)) throw new HactlError('observe-bad-request', `${op}: ${k} must be a name`);
    args[k] = v;
  }
  for (const k of fields.required) if (!(k in args)) throw new HactlError('observe-bad-request', `${op} needs ${k}`);
  return { op: op as UiAction, args };
}

/** Runs the action with the runtime's own tool, records it in the history (done or refused), and reads the status again. */
export async function runAction(watch: ClusterWatch, stack: string, historyFile: string, action: { op: UiAction; args: Record<string, string> }): Promise<ActionRecord> {
  const { cluster } = watch;
  const shown = `${action.op} ${Object.values(action.args).join(' ')}`.trim();
  watch.tracker.noteAction(shown, Date.now());
  const base = { kind: 'action' as const, date: new Date().toISOString(), stack, cluster: cluster.model.cluster, op: action.op, args: action.args };
  let record: ActionRecord;
  try {
    const result = await runOperation(cluster.runtime, cluster.access, action.op, action.args as never);
    record = { ...base, ok: true, detail: `${result.via}: ${result.command}` };
  } catch (err) {
    record = { ...base, ok: false, detail: (err as Error).message };
  }
  await appendHistory(historyFile, record);
  await watch.refresh();
  return record;
}
