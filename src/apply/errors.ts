export type ApplyErrorCode =
  | 'apply-no-transport'
  | 'apply-check-failed'
  | 'apply-write-failed'
  | 'apply-rollback-failed'
  | 'apply-service-failed'
  | 'apply-install-failed'
  | 'apply-path-conflict'
  | 'apply-user-clash'
  | 'apply-user-failed'
  | 'apply-skipped';

/** What went wrong on one node: which file and which tool when a check refused it. Never file content. */
export interface ApplyFailure {
  code: ApplyErrorCode | string;
  message: string;
  path?: string;
  tool?: string;
}

export class ApplyError extends Error {
  readonly code: ApplyErrorCode;
  readonly node: string;
  readonly path?: string;
  readonly tool?: string;

  constructor(code: ApplyErrorCode, node: string, message: string, extra: { path?: string; tool?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'ApplyError';
    this.code = code;
    this.node = node;
    if (extra.path) this.path = extra.path;
    if (extra.tool) this.tool = extra.tool;
  }
}

export function toFailure(err: unknown): ApplyFailure {
  const e = err as Partial<ApplyError> & Error;
  return {
    code: typeof e.code === 'string' ? e.code : 'internal',
    message: e.message ?? String(err),
    ...(e.path ? { path: e.path } : {}),
    ...(e.tool ? { tool: e.tool } : {}),
  };
}
