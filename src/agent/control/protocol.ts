/** Newline-delimited JSON over the control socket: one request object per line, one response line each. */
export type ControlRequest =
  | { cmd: 'status' }
  | { cmd: 'standby'; node: string }
  | { cmd: 'online'; node: string }
  | { cmd: 'move'; group: string; node: string }
  | { cmd: 'unmove'; group: string }
  | { cmd: 'stop'; group: string }
  | { cmd: 'start'; group: string }
  | { cmd: 'cleanup'; resource?: string; node?: string }
  | { cmd: 'is-active'; group: string };

export type ControlCommand = ControlRequest['cmd'];

export interface ControlError {
  /** bad-request | unknown-node | unknown-group | unknown-resource | unknown-command | not-ready | internal */
  code: string;
  message: string;
}

export type ControlResponse = { id?: unknown; ok: true; result: unknown } | { id?: unknown; ok: false; error: ControlError };

export interface IsActiveResult {
  group: string;
  node: string;
  active: boolean;
  state: string;
}

const FIELDS: Record<ControlCommand, { required: string[]; optional: string[] }> = {
  status: { required: [], optional: [] },
  standby: { required: ['node'], optional: [] },
  online: { required: ['node'], optional: [] },
  move: { required: ['group', 'node'], optional: [] },
  unmove: { required: ['group'], optional: [] },
  stop: { required: ['group'], optional: [] },
  start: { required: ['group'], optional: [] },
  cleanup: { required: [], optional: ['resource', 'node'] },
  'is-active': { required: ['group'], optional: [] },
};

/** Returns the request or an error message. */
export function parseRequest(v: unknown): ControlRequest | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'a request is a JSON object';
  const o = v as Record<string, unknown>;
  const cmd = o.cmd;
  if (typeof cmd !== 'string' || !(cmd in FIELDS)) return `unknown cmd ${JSON.stringify(cmd)} (one of ${Object.keys(FIELDS).join(', ')})`;
  const spec = FIELDS[cmd as ControlCommand];
  for (const k of Object.keys(o)) {
    if (k === 'cmd' || k === 'id') continue;
    if (!spec.required.includes(k) && !spec.optional.includes(k)) return `${cmd}: unexpected field "${k}"`;
    if (typeof o[k] !== 'string' || (o[k] as string).length === 0 || (o[k] as string).length > 64) return `${cmd}: "${k}" must be a name`;
  }
  for (const k of spec.required) if (o[k] === undefined) return `${cmd}: "${k}" is required`;
  const { id: _id, ...rest } = o;
  return rest as ControlRequest;
}
