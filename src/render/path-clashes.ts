import { dirname } from 'node:path/posix';
import { error, type Diagnostic } from '../diagnostics/index.js';
import { CLUSTER_SCOPE, type RenderedFile } from './artifact.js';

type Placed = RenderedFile & { renderer: string };

interface Clash {
  /** the file the clash is reported on (the later one, or the one a stack field placed) */
  file: Placed;
  other: Placed;
  /** `below`: file's path lies under other's path; `above`: other's lies under file's */
  kind: 'same' | 'below' | 'above';
  nodes: Set<string>;
}

/**
 * Two files that would land on the same path of one machine, or a file whose path another file needs as a
 * directory (`/etc/foo` and `/etc/foo/bar`). Cluster-wide files are applied on one of the nodes, so they are
 * compared with every node's files. A clash is reported on the stack field that placed one of the files
 * (`files[2].path`, an apache `documentRoot`); a clash between hactl's own files is a bug in a renderer.
 */
export function pathClashes(files: readonly Placed[]): Diagnostic[] {
  const nodes = [...new Set(files.map((f) => f.node))].filter((n) => !n.startsWith('_'));
  const places = new Map<string, Placed[]>();
  for (const node of nodes) places.set(node, files.filter((f) => f.node === node || f.node === CLUSTER_SCOPE));
  for (const scope of new Set(files.map((f) => f.node).filter((n) => n.startsWith('_')))) {
    if (scope !== CLUSTER_SCOPE || nodes.length === 0) places.set(scope, files.filter((f) => f.node === scope));
  }
  const order = new Map(files.map((f, i) => [f, i]));
  const clashes = new Map<string, Clash>();
  // `kind` says where b's path stands relative to a's; a is the earlier file
  const add = (a: Placed, b: Placed, node: string, kind: Clash['kind']) => {
    // report on a file a stack field placed, the later one if both were: the earlier may be hactl's own
    const [file, other] = b.origin || !a.origin ? [b, a] : [a, b];
    const shown = file === b ? kind : kind === 'below' ? 'above' : kind === 'above' ? 'below' : kind;
    // one finding per stack field (it is fixed once), naming the first file it clashes with and the nodes where it does
    const key = file.origin ?? [file.renderer, other.renderer, file.path, other.path].join('|');
    const clash = clashes.get(key) ?? { file, other, kind: shown, nodes: new Set<string>() };
    if (clash.other.path === other.path) clash.nodes.add(node);
    clashes.set(key, clash);
  };
  for (const [node, here] of places) {
    const byPath = new Map<string, Placed>();
    for (const f of [...here].sort((x, y) => order.get(x)! - order.get(y)!)) {
      const first = byPath.get(f.path);
      if (first) add(first, f, node, 'same');
      else byPath.set(f.path, f);
    }
    for (const f of byPath.values()) {
      for (let dir = dirname(f.path); dir !== '/'; dir = dirname(dir)) {
        const holder = byPath.get(dir);
        if (!holder) continue;
        if (order.get(holder)! < order.get(f)!) add(holder, f, node, 'below');
        else add(f, holder, node, 'above');
      }
    }
  }
  return [...clashes.values()].map(describe);
}

const who = (f: Placed) => (f.origin ? f.origin.replace(/\.path$/, '') : `hactl's ${f.renderer} renderer`);

function describe({ file, other, kind, nodes }: Clash): Diagnostic {
  const on = `on ${[...nodes].join(', ')}`;
  if (!file.origin) {
    return error('render-failed', undefined, `${other.renderer} and ${file.renderer} both need ${file.path} ${on}`);
  }
  const message =
    kind === 'same'
      ? `${file.path} is also written by ${who(other)} ${on}`
      : kind === 'below'
        ? `${file.path} lies below ${other.path}, which ${who(other)} writes as a file ${on}`
        : `${file.path} is written as a file, but ${who(other)} needs it as the directory of ${other.path} ${on}`;
  return error('file-clash', file.origin, message);
}
