import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dir = 'src/dsl';

/** Each exported declaration of a file with its doc comment (without tags) and, for a function, its return type. */
function declarations(file: string): { name: string; doc: string; tags: string[]; returns?: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: { name: string; doc: string; tags: string[]; returns?: string }[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported || !('name' in statement) || !statement.name) continue;
    const jsDoc = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc).at(-1);
    const doc = typeof jsDoc?.comment === 'string' ? jsDoc.comment : (jsDoc?.comment?.map((c) => c.text).join('') ?? '');
    const tags = (jsDoc?.tags ?? []).map((t) => t.tagName.text);
    const returns = ts.isFunctionDeclaration(statement) ? statement.type?.getText().replace(/<.*$/s, '') : undefined;
    out.push({ name: (statement.name as ts.Identifier).text, doc: doc.replace(/\s+/g, ' ').trim(), tags, returns });
  }
  return out;
}

describe('the DSL builders', () => {
  const summaries = new Map(declarations(join(dir, 'types.ts')).map((d) => [d.name, d.doc]));
  const builders = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !['types.ts', 'index.ts'].includes(f))
    .flatMap((f) => declarations(join(dir, f)).filter((d) => d.returns !== undefined));

  it('each carry a doc comment with an example, shown on hover', () => {
    expect(builders.length).toBeGreaterThanOrEqual(28);
    expect(builders.map((b) => b.name)).toEqual(expect.arrayContaining(['primitive', 'resource']));
    expect(builders.filter((b) => b.doc.length < 20 || !b.tags.includes('example')).map((b) => b.name)).toEqual([]);
  });

  it('each begin their doc comment with the schema description of what they build', () => {
    const checked = builders.filter((b) => b.name !== 'defineCluster' && summaries.has(b.returns!));
    expect(checked.length).toBeGreaterThanOrEqual(25);
    const drifted = checked.filter((b) => !b.doc.startsWith(summaries.get(b.returns!)!)).map((b) => `${b.name}: "${summaries.get(b.returns!)}"`);
    expect(drifted).toEqual([]);
  });
});
