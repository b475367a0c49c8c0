import { HactlError, type Code, type Diagnostic } from '../../diagnostics/index.js';

export type VagrantErrorCode = Extract<Code, `vagrant-${string}`>;

/** Vagrant failures carry a stable code (tests and the CLI branch on it); stack problems list every issue found. */
export class VagrantError extends HactlError {
  declare readonly code: VagrantErrorCode;
  /** the stack's problems, at their field paths, when the stack cannot run on Vagrant */
  readonly issues: Diagnostic[];

  constructor(code: VagrantErrorCode, message: string, options: { issues?: Diagnostic[]; cause?: unknown } = {}) {
    super(code, message, { cause: options.cause });
    this.name = 'VagrantError';
    this.issues = options.issues ?? [];
  }
}
