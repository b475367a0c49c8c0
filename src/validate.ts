import { dirname } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics/index.js';
import { lintModel } from './lint/index.js';
import { loadStack, type LoadedStack } from './load/load-stack.js';

export interface ValidatedStack extends LoadedStack {
  ok: boolean;
}

/** Loads and checks stacks together, so checks that span stacks (VRIDs per segment) see all of them. */
export async function validateStacks(files: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ValidatedStack[]> {
  const loaded = await Promise.all(files.map((file) => loadStack(file)));
  return loaded.map((stack) => {
    if (!stack.model) return { ...stack, ok: false };
    const others = loaded.filter((o) => o !== stack && o.model).map((o) => o.model!);
    const lint = lintModel(stack.model, { others, env, baseDir: dirname(stack.file) }).map(
      (d): Diagnostic => ({ ...d, location: stack.sources.locate(d.path) }),
    );
    const diagnostics = [...stack.diagnostics, ...lint];
    return { ...stack, diagnostics, ok: !hasErrors(diagnostics) };
  });
}
