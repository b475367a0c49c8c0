import { xmlEscape } from '../../render/escape/xml.js';

export interface PageInfo {
  cluster: string;
  runtime: string;
  where: string;
  csrf: string;
  allowActions: boolean;
  /** the topology picture, drawn by the same code as `hactl graph --format svg` */
  svg: string;
}

const h = (text: string) => xmlEscape(text);

/** The one HTML page: its script and style come from this server (no CDN), the live parts are filled by app.js. */
export function pageHtml(p: PageInfo): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="hactl-csrf" content="${h(p.csrf)}">
<meta name="hactl-actions" content="${p.allowActions ? 'on' : 'off'}">
<title>${h(p.cluster)} — hactl</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<header>
  <h1>${h(p.cluster)} <span class="runtime">${h(p.runtime)} on ${h(p.where)}</span></h1>
  <div id="connection" class="connection" data-state="connecting">connecting…</div>
  <div id="updated" class="updated"></div>
  <div id="mode" class="mode">${p.allowActions ? 'actions enabled' : 'read-only'}</div>
</header>
<section id="warnings" class="warnings" hidden></section>
<main>
  <section class="panel topology-panel"><h2>Topology</h2><div id="topology">${p.svg}</div></section>
  <section class="panel"><h2>Groups</h2><div id="groups"></div></section>
  <section class="panel"><h2>Nodes</h2><div id="nodes"></div></section>
  <section class="panel"><h2>Links</h2><div id="links"></div></section>
  <section class="panel"><h2>Failover tests</h2><div id="tests"></div></section>
  <section class="panel timeline-panel"><h2>Timeline</h2><ol id="timeline" reversed></ol></section>
</main>
</body>
</html>
`;
}
