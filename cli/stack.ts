import { HactlError } from '../src/diagnostics/index.js';
import type { ClusterModel, PlatformName } from '../src/model/model.js';
import type { RenderResult } from '../src/render/render-stack.js';
import { printDiagnostics, printSummary } from './output.js';

export interface RenderedStack {
  model: ClusterModel;
  result: RenderResult;
}

/** The stack's model; a stack that does not load throws its located diagnostics, which the CLI prints (exit 1). */
export async function loadOrFail(stack: string): Promise<ClusterModel> {
  const { loadStack } = await import('../src/load/load-stack.js');
  const loaded = await loadStack(stack);
  if (!loaded.model) throw HactlError.from(loaded.diagnostics);
  return loaded.model;
}

/**
 * The stack validated and rendered in memory, its warnings printed; undefined when it has errors, which are printed
 * with a summary line. Modules load on demand: commands that never render stay fast to start.
 */
export async function renderOrPrint(stack: string, options: { platform?: PlatformName } = {}): Promise<RenderedStack | undefined> {
  const { renderValidated } = await import('../src/pipeline/render-validated.js');
  const rendered = await renderValidated(stack, options);
  printDiagnostics(rendered.diagnostics);
  if (!rendered.result) {
    printSummary(stack, rendered.diagnostics);
    return undefined;
  }
  return { model: rendered.model, result: rendered.result };
}
