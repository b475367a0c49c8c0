import { join } from 'node:path';

export const LAB_BASE_DIR = '/run/hactl/lab';
export const NETNS_DIR = '/run/netns';

export const labDir = (lab: string): string => join(LAB_BASE_DIR, lab);
export const statePath = (lab: string): string => join(labDir(lab), 'state.json');
/** the bind-mounted mount/UTS namespace files of the nodes */
export const nsDir = (lab: string): string => join(labDir(lab), 'ns');
export const mntNsFile = (lab: string, member: string): string => join(nsDir(lab), `${member}.mnt`);
export const utsNsFile = (lab: string, member: string): string => join(nsDir(lab), `${member}.uts`);
export const nodeRootDir = (lab: string, member: string): string => join(labDir(lab), 'nodes', member, 'root');
/** where a node's view of hactl's own files is bind-mounted first, before its private mounts hide the host's paths */
export const sharedStageDir = (lab: string, member: string): string => join(labDir(lab), 'nodes', member, 'shared');
export const sshDir = (lab: string): string => join(labDir(lab), 'ssh');
export const logDir = (lab: string, member: string): string => join(labDir(lab), 'logs', member);

// Lab and member names contain no '.' or '_', so `hactl-<lab>.` is a prefix only this lab's namespaces carry
// and the infrastructure namespaces ('_' is not valid in a hostname) can never collide with a member.
export const labNetnsPrefix = (lab: string): string => `hactl-${lab}.`;
export const memberNetns = (lab: string, member: string): string => `${labNetnsPrefix(lab)}${member}`;
export const switchNetns = (lab: string): string => `${labNetnsPrefix(lab)}_switch`;
export const gatewayNetns = (lab: string): string => `${labNetnsPrefix(lab)}_gw`;
export const netnsPath = (netns: string): string => join(NETNS_DIR, netns);

// Interface names inside the switch namespace: index-based so they always fit in 15 characters;
// the readable "member/nic" goes into the link alias.
export const bridgeName = (networkIndex: number): string => `br${networkIndex}`;
export const switchPortName = (memberIndex: number, nicIndex: number): string => `m${memberIndex}n${nicIndex}`;
export const gatewaySwitchPortName = (gatewayIndex: number): string => `gs${gatewayIndex}`;
export const gatewayNicName = (gatewayIndex: number): string => `g${gatewayIndex}`;

export const LAB_NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const MEMBER_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
export const NIC_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,14}$/;
