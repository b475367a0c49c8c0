export type LabErrorCode =
  | 'lab-spec-invalid'
  | 'lab-not-found'
  | 'lab-unknown-member'
  | 'lab-not-isolated'
  | 'lab-command-failed'
  | 'lab-timeout'
  | 'lab-not-ready'
  | 'lab-sshd-failed'
  | 'lab-cleanup-incomplete';

/** Lab failures carry a stable code so callers (provider, tests) branch on it rather than on wording. */
export class LabError extends Error {
  readonly code: LabErrorCode;

  constructor(code: LabErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LabError';
    this.code = code;
  }
}
