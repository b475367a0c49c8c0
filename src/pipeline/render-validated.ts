import { dirname } from 'node:path';
import { stackDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { ClusterModel } from '../model/model.js';
import { renderStack, type RenderResult } from '../render/render-stack.js';
import { validateStacks } from './validate.js';

export type RenderOutcome =
  | { result: RenderResult; model: ClusterModel; diagnostics: Diagnostic[] }
  | { result?: undefined; model?: ClusterModel; diagnostics: Diagnostic[] };

/** Validate, then render in memory; nothing is rendered (or written) when the stack has errors. */
export async function renderValidated(stack: string, env: NodeJS.ProcessEnv = process.env): Promise<RenderOutcome> {
  const [validated] = await validateStacks([stack], { env });
  if (!validated?.ok || !validated.model) return { diagnostics: validated?.diagnostics ?? [] };
  try {
    const result = renderStack(validated.model, { env, baseDir: dirname(stack), allowGenerate: true });
    return { result, model: validated.model, diagnostics: validated.diagnostics };
  } catch (e) {
    const found = stackDiagnostics(e);
    if (!found) throw e;
    const located = found.map((d) => ({ ...d, location: d.location ?? validated.sources.locate(d.path) }));
    return { diagnostics: [...validated.diagnostics, ...located] };
  }
}
