import { dirname } from 'node:path';
import { hasErrors, stackDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { lintModel } from '../lint/index.js';
import { loadStack, type LoadedStack } from '../load/load-stack.js';
import type { ClusterModel } from '../model/model.js';
import { renderStack } from '../render/render-stack.js';
import type { SecretSource } from '../secrets/source.js';

export interface ValidatedStack extends LoadedStack {
  ok: boolean;
}

/** Loads and checks stacks together, so checks that span stacks (VRIDs per segment) see all of them. */
export interface ValidateOptions {
  env?: NodeJS.ProcessEnv;
  /** check that keys resolve (env var set, file present); off for CI jobs that check configs without secrets */
  resolveSecrets?: boolean;
}

export async function validateStacks(files: readonly string[], options: ValidateOptions = {}): Promise<ValidatedStack[]> {
  const env = options.env ?? process.env;
  const loaded = await Promise.all(files.map((file) => loadStack(file)));
  return loaded.map((stack) => {
    if (!stack.model) return { ...stack, ok: false };
    const others = loaded.filter((o) => o !== stack && o.model).map((o) => o.model!);
    const lint = lintModel(stack.model, { others, env, baseDir: dirname(stack.file), resolveSecrets: options.resolveSecrets ?? true });
    const render = hasErrors(lint) ? [] : dryRender(stack.model);
    const located = [...lint, ...render].map((d): Diagnostic => ({ ...d, location: stack.sources.locate(d.path) }));
    const diagnostics = [...stack.diagnostics, ...located];
    return { ...stack, diagnostics, ok: !hasErrors(diagnostics) };
  });
}

/** File paths never depend on keys: the dry render needs none (and creates no generated key file). */
const placeholderKeys: SecretSource = { resolve: () => ({ ok: true, value: 'placeholder-key' }) };

/**
 * Renders in memory and keeps only what went wrong: where a stack's files[] entry (or a document root) lands on a
 * file hactl renders itself, only the renderers know their paths, so asking them is the one way that cannot drift.
 */
function dryRender(model: ClusterModel): Diagnostic[] {
  try {
    renderStack(model, { secrets: placeholderKeys });
    return [];
  } catch (e) {
    const found = stackDiagnostics(e);
    if (found) return found;
    throw e;
  }
}
