export type TransportErrorCode =
  | 'ssh-no-endpoint'
  | 'ssh-host-unknown'
  | 'ssh-host-key-changed'
  | 'ssh-host-key-revoked'
  | 'ssh-connect-failed'
  | 'ssh-auth-failed'
  | 'ssh-connection-lost'
  | 'transport-command-failed'
  | 'transport-write-failed'
  | 'transport-read-failed';

/** Transport failures carry a stable code (tests and the CLI branch on it) and never key material or file content. */
export class TransportError extends Error {
  readonly code: TransportErrorCode;
  readonly node: string;

  constructor(code: TransportErrorCode, node: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.code = code;
    this.node = node;
  }
}
