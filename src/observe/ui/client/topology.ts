import type { ClusterStatus } from './state.js';

/**
 * Colours the server-drawn topology (the same SVG as `hactl graph`) from live status: node boxes by state, the
 * groups each node runs, the arc from each VIP to the node that holds it, and wires of links that are down.
 */
export function paintTopology(root: Element, status: ClusterStatus | null): void {
  for (const box of root.querySelectorAll<SVGGElement>('g.node[data-node]')) {
    const name = box.dataset.node ?? '';
    const node = status?.nodes.find((n) => n.name === name);
    box.setAttribute('class', `node ${node?.state ?? 'unknown'}`);
    const state = box.querySelector('.node-state');
    if (state) state.textContent = node ? `${node.state}${node.detail ? ` (${node.detail})` : ''}` : 'no report';
    const groups = box.querySelector('.node-groups');
    if (groups) {
      const here = (status?.groups ?? []).filter((g) => g.runningOn.includes(name)).map((g) => g.name);
      groups.textContent = here.length ? `runs ${here.join(', ')}` : '';
    }
  }
  for (const arc of root.querySelectorAll<SVGPathElement>('path.hold')) {
    const group = status?.groups.find((g) => g.name === arc.dataset.owner);
    arc.classList.toggle('on', group?.runningOn.includes(arc.dataset.node ?? '') ?? false);
  }
  for (const nic of root.querySelectorAll<SVGGElement>('g.nic[data-node]')) {
    const down = (status?.links ?? []).some((l) => l.node === nic.dataset.node && (l.link === nic.dataset.nic || l.link.startsWith(`${nic.dataset.nic}-`)) && l.status === 'down');
    nic.querySelector('.wire')?.classList.toggle('down', down);
  }
}
