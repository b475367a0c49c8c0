// hactl as a library: model → validate → render → check → transport/provider → agent.
export * from './dsl/index.js';
export type { ClusterInput } from './model/cluster.js';
export type * from './model/model.js';
export { normalize, allPrimitives } from './model/normalize.js';
export { loadStack, loadStackData, type LoadedStack } from './load/load-stack.js';
export { validateStacks, type ValidatedStack } from './pipeline/validate.js';
export { lintModel, checks } from './lint/index.js';
export { renderStack, type RenderResult, type ManifestEntry } from './render/render-stack.js';
export { renderValidated } from './pipeline/render-validated.js';
export { writeTree } from './render/write-tree.js';
export { runChecks } from './tool-check/run-checks.js';
export * from './diagnostics/index.js';
