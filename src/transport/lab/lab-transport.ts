import { openLab, type Lab } from '../../netns/index.js';
import { readState } from '../../netns/state.js';
import type { ClusterModel } from '../../model/model.js';
import { labName, memberName } from '../../provider/lab/lab-spec.js';
import { localExec } from '../local/local-transport.js';
import { ShellTransport, type RawExec } from '../shell-transport.js';
import { quote } from '../shell.js';
import type { Transport } from '../transport.js';
import type { EndpointOverride } from '../ssh/inventory.js';

// The command runs in a shell inside the node: nsenter is exec'd by the host shell, so exit codes, stdin and timeouts
// behave exactly as for the local transport.
function enteredExec(enter: readonly string[]): RawExec {
  const prefix = enter.map(quote).join(' ');
  return (command, input, timeoutMs) => localExec(`exec ${prefix} sh -c ${quote(command)}`, input, timeoutMs);
}

/**
 * A lab node reached from the host: every command runs inside the node's network, mount and UTS namespaces, so files
 * land in its private /etc and its own tools (keepalived -t, iptables-restore --test) judge them, with the same
 * atomic protocol as over SSH.
 */
export class LabTransport extends ShellTransport {
  readonly lab: Lab;
  readonly member: string;

  constructor(node: string, lab: Lab) {
    const member = memberName(node);
    super({ node, target: `lab:${lab.name}/${member}`, exec: enteredExec(lab.enterArgv(member)) });
    this.lab = lab;
    this.member = member;
  }
}

/**
 * Nodes the stack gives no SSH endpoint exist only on the lab (`hactl up`): when the stack's lab is up they are reached
 * through it, so `plan`/`apply` work there as over SSH. A node with `ssh:` is always reached over SSH.
 */
export function labTransports(model: ClusterModel, overrides: Readonly<Record<string, EndpointOverride>> = {}): Map<string, Transport> {
  const out = new Map<string, Transport>();
  const withoutSsh = model.nodes.filter((n) => !{ ...n.ssh, ...overrides[n.name] }.host);
  const state = withoutSsh.length > 0 ? readState(labName(model)) : undefined;
  if (!state) return out;
  const lab = openLab(state.name);
  for (const node of withoutSsh) {
    const member = memberName(node.name);
    if (!state.spec.nodes.some((m) => m.name === member)) continue;
    // a lab whose namespaces are gone (a crash, `hactl lab rm`) is not up: the node falls back to the SSH error
    if (!lab.present(member)) continue;
    out.set(node.name, new LabTransport(node.name, lab));
  }
  return out;
}
