import { HactlError, type Code } from '../diagnostics/index.js';

export type RuntimeErrorCode = Extract<Code, `runtime-${string}`>;

/** A runtime could not do what was asked (a command failed on a node, the cluster never became ready, an unknown name). */
export class RuntimeError extends HactlError {
  declare readonly code: RuntimeErrorCode;

  constructor(code: RuntimeErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, { cause: options?.cause });
    this.name = 'RuntimeError';
  }
}
