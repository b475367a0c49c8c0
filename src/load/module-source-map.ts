import type * as TS from 'typescript';
import type { SourceLocation } from '../diagnostics/index.js';
import { parsePath, type StackSources } from './source-map.js';

type Ts = typeof TS;

/** How deep identifiers are followed to their `const` (a guard against `const a = b, b = a`). */
const MAX_HOPS = 16;

/**
 * Finds where a model path stands in a TS or JS stack, so its semantic errors point at file:line:column as a YAML
 * stack's do. The source is only parsed, never run: the walk starts at `export default`, follows `const`s of the
 * same file, steps into object and array literals and into builder calls (`group('web', [...], { preferred })`:
 * a key is looked up in the call's object arguments; a list index in its one array argument). What code computes
 * (a loop, a spread before the element, a helper's return value) ends the walk at the nearest expression written
 * in the file, as a missing YAML key ends at its parent.
 */
export class ModuleSourceMap implements StackSources {
  private readonly consts = new Map<string, TS.Expression>();
  private readonly root: TS.Expression | undefined;

  constructor(
    private readonly file: string,
    private readonly ts: Ts,
    private readonly source: TS.SourceFile,
  ) {
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) this.consts.set(d.name.text, d.initializer);
      }
    }
    const exported = source.statements.find((s): s is TS.ExportAssignment => ts.isExportAssignment(s) && !s.isExportEquals);
    this.root = exported?.expression;
  }

  locate(path: string | undefined, at: 'key' | 'value' = 'value'): SourceLocation {
    if (!this.root) return { file: this.file, line: 0, column: 0 };
    let node = this.root;
    let best: TS.Node = this.unwrap(node);
    const segments = path ? parsePath(path) : [];
    for (const [i, segment] of segments.entries()) {
      const found = this.step(node, segment, segments[i + 1]);
      if (!found) break;
      // a value named by a const points at the const's value: that is where it was written
      best = i === segments.length - 1 && at === 'key' && found.key ? found.key : this.unwrap(found.value);
      node = found.value;
    }
    const pos = this.source.getLineAndCharacterOfPosition(best.getStart(this.source));
    return { file: this.file, line: pos.line + 1, column: pos.character + 1 };
  }

  /** The expression a value really is: without parentheses, `as`/`satisfies`, `defineCluster(...)`, const names. */
  private unwrap(node: TS.Expression): TS.Expression {
    const ts = this.ts;
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) node = node.expression;
      else if (ts.isIdentifier(node) && this.consts.has(node.text)) node = this.consts.get(node.text)!;
      else if (ts.isCallExpression(node) && calleeName(ts, node) === 'defineCluster' && node.arguments.length === 1) node = node.arguments[0]!;
      else return node;
    }
    return node;
  }

  private step(from: TS.Expression, segment: string | number, next: string | number | undefined): { key?: TS.Node; value: TS.Expression } | undefined {
    const ts = this.ts;
    const node = this.unwrap(from);
    if (typeof segment === 'number') {
      if (!ts.isArrayLiteralExpression(node)) return undefined;
      const before = node.elements.slice(0, segment + 1);
      // after a spread the index no longer says which element was written
      if (before.some((e) => ts.isSpreadElement(e)) || segment >= node.elements.length) return undefined;
      return { value: node.elements[segment]! };
    }
    if (ts.isObjectLiteralExpression(node)) return this.property(node, segment);
    if (ts.isCallExpression(node)) {
      for (const arg of node.arguments) {
        const object = this.unwrap(arg);
        const found = ts.isObjectLiteralExpression(object) ? this.property(object, segment) : undefined;
        if (found) return found;
      }
      const lists = node.arguments.filter((a) => ts.isArrayLiteralExpression(this.unwrap(a)));
      if (typeof next === 'number' && lists.length === 1) return { value: lists[0]! };
    }
    return undefined;
  }

  /** The last property of that name, as JavaScript keeps it; a spread after it may override it, so it is not taken. */
  private property(object: TS.ObjectLiteralExpression, name: string): { key: TS.Node; value: TS.Expression } | undefined {
    const ts = this.ts;
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const p = object.properties[i]!;
      if (ts.isSpreadAssignment(p)) return undefined;
      if (ts.isPropertyAssignment(p) && propertyName(ts, p.name) === name) return { key: p.name, value: p.initializer };
      if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return { key: p.name, value: p.name };
    }
    return undefined;
  }
}

function calleeName(ts: Ts, call: TS.CallExpression): string | undefined {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

function propertyName(ts: Ts, name: TS.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

/** Parses a stack's source (syntax only, nothing is type-checked or run) into a map of where its values were written. */
export async function moduleSourceMap(file: string, text: string): Promise<ModuleSourceMap> {
  // typescript is CommonJS: under Node's ESM loader and in the CLI bundle alike its exports are the default
  const ts = ((await import('typescript')) as unknown as { default: Ts }).default;
  const kind = /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return new ModuleSourceMap(file, ts, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind));
}
