import { HactlError, type Code } from '../diagnostics/index.js';

export type LabErrorCode = Extract<Code, `lab-${string}`>;

/**
 * Lab failures, of the library (no such member, a command that failed inside the lab) and of the operations on it
 * (`hactl up`, `chaos`, `test failover`: no VIP, not healthy); a stable code so callers branch on it, not on wording.
 */
export class LabError extends HactlError {
  declare readonly code: LabErrorCode;

  constructor(code: LabErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, { cause: options?.cause });
    this.name = 'LabError';
  }
}
