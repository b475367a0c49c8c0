export type VagrantErrorCode =
  | 'vagrant-invalid-stack'
  | 'vagrant-missing'
  | 'vagrant-provider-missing'
  | 'vagrant-daemon-missing'
  | 'vagrant-box-missing'
  | 'vagrant-runtime-unsupported'
  | 'vagrant-command-failed'
  | 'vagrant-not-created'
  | 'vagrant-provision-failed';

export type VagrantIssueCode =
  | 'vagrant-nic-name'
  | 'vagrant-invalid-address'
  | 'vagrant-address-clash'
  | 'vagrant-network-in-use'
  | 'vagrant-port-clash'
  | 'vagrant-ssh-forward-ignored'
  | 'vagrant-host-only-range';

/** One problem of the stack that Vagrant itself would only notice half-way through `up`, or never. */
export interface VagrantIssue {
  code: VagrantIssueCode;
  severity: 'error' | 'warning';
  /** where in the stack, e.g. `nodes.lb1.nics.eth1` */
  path: string;
  message: string;
}

/** Vagrant failures carry a stable code (tests and the CLI branch on it); stack problems list every issue found. */
export class VagrantError extends Error {
  readonly code: VagrantErrorCode;
  readonly issues: VagrantIssue[];

  constructor(code: VagrantErrorCode, message: string, options: { issues?: VagrantIssue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VagrantError';
    this.code = code;
    this.issues = options.issues ?? [];
  }
}
