import { HactlError, type Code } from '../diagnostics/index.js';
import type { PathConflictKind } from './transport.js';

export type TransportErrorCode = Extract<Code, `ssh-${string}` | `transport-${string}`>;

/** Transport failures carry a stable code (tests and the CLI branch on it) and never key material or file content. */
export class TransportError extends HactlError {
  declare readonly code: TransportErrorCode;
  readonly node: string;

  constructor(code: TransportErrorCode, node: string, message: string, options?: { cause?: unknown }) {
    super(code, message, { cause: options?.cause });
    this.name = 'TransportError';
    this.node = node;
  }
}

const CONFLICT_REASONS: Record<PathConflictKind, string> = {
  'symlink': 'it is a symbolic link, and hactl never writes through one: replace the link with the file itself, or remove it',
  'outside-root': "a directory on the way is a symbolic link that leads out of the node's root: make it a real directory",
  'not-a-file': 'something other than a regular file is in its place: move it away',
};

/** The one wording of a path conflict, for plans and errors alike. */
export const conflictReason = (kind: PathConflictKind): string => CONFLICT_REASONS[kind];
