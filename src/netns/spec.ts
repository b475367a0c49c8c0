export interface LabSpec {
  /** short id, e.g. 'qs': every namespace, directory and state file of the lab derives from it */
  name: string;
  networks: LabNetworkSpec[];
  nodes: LabNodeSpec[];
  /** extra members such as a client that polls the VIP; they do not get a private filesystem unless asked */
  clients?: LabNodeSpec[];
  /** addresses that answer ping on a network (heartbeat "ping nodes", a fake gateway) */
  gateways?: LabGatewaySpec[];
}

export interface LabNetworkSpec {
  name: string;
  /** e.g. '172.16.0.0/24' */
  cidr: string;
}

export interface LabNodeSpec {
  /** also the hostname inside the node */
  name: string;
  nics: LabNicSpec[];
  /** private mount + UTS namespace with its own /etc, /run, /tmp, /var/log, HA state dirs; default true for nodes, false for clients */
  isolateFs?: boolean;
  /** more absolute directories to make private to the node (dirs-only copy of the host's, like /var/lib/heartbeat) */
  privateDirs?: string[];
}

export interface LabNicSpec {
  /** interface name inside the member, e.g. 'eth0' */
  name: string;
  network: string;
  /** 'a.b.c.d/prefix'; without a prefix the network's is used */
  address: string;
}

export interface LabGatewaySpec {
  network: string;
  /** 'a.b.c.d' or 'a.b.c.d/prefix' */
  address: string;
}
