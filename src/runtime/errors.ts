/** A runtime could not do what was asked (a command failed on a node, the cluster never became ready). */
export class RuntimeError extends Error {
  constructor(
    readonly code: 'runtime-command-failed' | 'runtime-not-ready' | 'runtime-refused' | 'runtime-unknown-target' | 'runtime-no-node',
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }
}
