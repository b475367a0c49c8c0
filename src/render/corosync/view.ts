import type { ClusterModel, CorosyncModel } from '../../model/model.js';
import { corosyncValue } from '../escape/corosync.js';

const onOff = (b: boolean) => (b ? 'on' : 'off');
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export interface CorosyncView {
  node: string;
  notes: string[];
  clusterName: string;
  transport: string;
  secauth: string;
  /** corosync 3 encrypts with knet only */
  crypto: boolean;
  token: string | null;
  mcastport: number;
  mcastaddr: string | null;
  ttl: number | null;
  bindnetaddr: string;
  members: string[];
  pacemakerService: boolean;
  nodes: { name: string; address: string; nodeid: number }[];
  twoNode: boolean;
  logging: { toLogfile: string; logfile: string; toSyslog: string; debug: string; timestamp: string };
}

/** The address each node has on the corosync interconnect NIC (corosync 1.x memberaddr / 3 ring0_addr). */
export function ringAddresses(model: ClusterModel, corosync: CorosyncModel): { name: string; address: string }[] {
  return model.nodes.map((node) => ({
    name: node.name,
    address: (node.nics.find((n) => n.name === corosync.interconnect) ?? node.nics[0])?.address ?? '',
  }));
}

/** Whether the stack needs /etc/corosync/authkey: secauth on 1.x, knet crypto on 3. */
export function needsAuthkey(corosync: CorosyncModel): boolean {
  return corosync.secauth && (corosync.version === 1 || corosync.transport === 'knet');
}

export function corosyncView(model: ClusterModel, corosync: CorosyncModel, nodeName: string): CorosyncView {
  const rings = ringAddresses(model, corosync);
  const own = rings.find((r) => r.name === nodeName)!;
  const v1 = corosync.version === 1;
  const notes = !v1 && corosync.secauth && corosync.transport !== 'knet' ? [`corosync 3 encrypts only with knet: ${corosync.transport} traffic is not encrypted`] : [];
  return {
    node: nodeName,
    notes,
    clusterName: model.cluster,
    transport: corosync.transport,
    secauth: onOff(corosync.secauth),
    crypto: !v1 && needsAuthkey(corosync),
    token: corosync.tokenMs === undefined ? null : String(corosync.tokenMs),
    mcastport: corosync.mcastport,
    // 1.x multicast needs a group and the model has none: corosync's own example address
    mcastaddr: v1 && corosync.transport === 'udp' ? '239.255.1.1' : null,
    ttl: v1 || corosync.transport === 'udp' ? corosync.ttl : null,
    bindnetaddr: own.address,
    members: corosync.transport === 'udpu' ? rings.map((r) => r.address) : [],
    pacemakerService: model.pacemaker?.messaging === 'corosync',
    nodes: rings.map((r, i) => ({ ...r, nodeid: i + 1 })),
    twoNode: corosync.twoNode && rings.length === 2,
    logging: {
      toLogfile: yesNo(corosync.logfile !== ''),
      logfile: corosyncValue(corosync.logfile, `${corosync.path}.logfile`),
      toSyslog: yesNo(corosync.toSyslog),
      debug: onOff(corosync.debug),
      timestamp: onOff(corosync.timestamp),
    },
  };
}
