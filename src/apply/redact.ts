const MIN_TOKEN = 4;
const KEYWORD = /^[a-z][a-z_]*$/;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A line's leading lowercase keyword (auth_pass, vrrp_instance) is vocabulary, not a secret, and keeping it
// lets a tool's "Unknown keyword 'x'" stay readable; every other word of a secret file may be the secret.
function secretWords(content: string): string[] {
  const lines = content.split('\n').map((l) => l.trim().split(/[\s"'=;,{}]+/).filter(Boolean)).filter((w) => w.length > 0);
  const keywords = new Set(lines.length > 1 ? lines.map((w) => w[0]).filter((w): w is string => !!w && KEYWORD.test(w)) : []);
  return [...new Set(lines.flat())].filter((w) => w.length >= MIN_TOKEN && !keywords.has(w));
}

/** Scrubs a secret file's words (a VRRP pass, an authkeys key) from what a tool printed about that file. */
export function redactSecretWords(text: string, secretContent: string): string {
  const words = secretWords(secretContent).sort((a, b) => b.length - a.length);
  if (words.length === 0) return text;
  return text.replace(new RegExp(words.map(escape).join('|'), 'g'), '[redacted]');
}
