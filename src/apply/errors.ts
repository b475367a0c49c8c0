import { HactlError, type Code } from '../diagnostics/index.js';

export type ApplyErrorCode = Extract<Code, `apply-${string}`>;

/** What went wrong on one node: which file and which tool when a check refused it. Never file content. */
export interface ApplyFailure {
  code: ApplyErrorCode | string;
  message: string;
  path?: string;
  tool?: string;
}

export class ApplyError extends HactlError {
  declare readonly code: ApplyErrorCode;
  readonly node: string;
  readonly path?: string;
  readonly tool?: string;

  constructor(code: ApplyErrorCode, node: string, message: string, extra: { path?: string; tool?: string; cause?: unknown } = {}) {
    super(code, message, { cause: extra.cause });
    this.name = 'ApplyError';
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
