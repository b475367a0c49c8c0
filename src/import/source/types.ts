/** A file read from a node (or given for the whole cluster), before anyone has looked inside. */
export interface SourceFile {
  /** where it came from, as messages show it: `sv1/etc/ha.d/ha.cf`, `root@10.0.0.1:/etc/ha.d/ha.cf` */
  origin: string;
  /** the path on the node (`/etc/ha.d/ha.cf`) when the source has the node's layout, else the name relative to the directory given */
  path: string;
  bytes: Buffer;
  /** permission bits, when known */
  mode?: number;
}

/** What is known about one node: its files, and facts read live (hostname, addresses). */
export interface NodeSource {
  /** the node's name: the directory's, `--node NAME=...`, or `uname -n` over SSH; undefined for a file given for the whole cluster */
  name: string;
  files: SourceFile[];
  /** `ip -o -4 addr show` output, read live or from ip-addr.txt */
  ipAddr?: SourceFile;
  /** how it was reached over SSH, for the stack's ssh: section */
  ssh?: { host: string; port?: number; user?: string };
}

export interface ImportSources {
  nodes: NodeSource[];
  /** files that hold for the whole cluster (a cib.xml, crm configure show output, a rendered tree's _cluster) */
  cluster: SourceFile[];
  /** a rendered tree's manifest.json, model.json and cluster.json: hints for what no config file says */
  hints: SourceFile[];
  /** what could not be read (a directory's unreadable file, an SSH read error), located at the file */
  unreadable: { origin: string; reason: string; warning?: boolean }[];
}

/** The largest file import reads: a config file is small; anything bigger is a log or an image picked up by mistake. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** The most files one directory may give, so a mistaken `/` does not read a whole disk. */
export const MAX_FILES = 2000;
