/** ProxyPass lines inside <Location> blocks (the AJP proxy conf of a Tomcat-behind-Apache group). */
export function parseProxyConf(text: string): { location: string; pass: string }[] | undefined {
  const out: { location: string; pass: string }[] = [];
  const re = /<Location\s+(\S+?)\s*>\s*\n\s*ProxyPass\s+(\S+)\s*\n\s*<\/Location>/g;
  let rest = text;
  for (const m of text.matchAll(re)) {
    out.push({ location: m[1]!, pass: m[2]! });
    rest = rest.replace(m[0], '');
  }
  return out.length && !rest.replace(/#.*$/gm, '').trim() ? out : undefined;
}

/** The dummy page the apache agent's monitor needs (seed 001's index.html). */
export const isDummyIndex = (text: string): boolean => text.replace(/\s+/g, '') === '<html></html>';
