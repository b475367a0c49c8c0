import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const layout = /## Layout\n([\s\S]*?)(?=\n## |$)/.exec(readme)?.[1] ?? '';
// `src/render/<artifact>/` names src/render: a placeholder ends the path
const named = [...layout.matchAll(/`((?:src|cli)\/[^`]*)`/g)].map((m) => m[1]!.split('<')[0]!.replace(/\/$/, ''));

describe("the README's layout section", () => {
  it('names every folder and file directly under src/', () => {
    const entries = readdirSync('src').filter((e) => e !== 'README.md');
    expect(entries.filter((e) => !named.some((n) => n === `src/${e}` || n.startsWith(`src/${e}/`)))).toEqual([]);
  });

  it('names only paths that exist', () => {
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => !existsSync(n))).toEqual([]);
  });

  it('describes the stages in the order a stack travels: model, lint, render, check, providers, runtime, operations', () => {
    const stages = [...layout.matchAll(/^\| ([a-z]+)(?::[^|]*)? \|/gm)].map((m) => m[1]!);
    expect([...new Set(stages)]).toEqual(['stage', 'model', 'lint', 'render', 'check', 'provider', 'runtime', 'operations']);
  });
});
