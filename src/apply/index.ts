// plan → apply: what would change on the nodes, then pushing it atomically with checks, rollback and reloads.
export {
  planStack, hasDrift, refusesAny, planFile, serviceSteps,
  type Plan, type NodePlan, type PlannedFile, type ServiceStep, type FileAction, type FileChange, type PlanOptions, type TransportMap,
} from './plan.js';
export { formatPlan, formatPlanJson } from './format-plan.js';
export { applyStack, type ApplyOptions, type ApplyReport, type TargetReport } from './apply.js';
export type { FileReport } from './write-target.js';
export type { ApplyEvent, ApplyEventHandler } from './events.js';
export { formatEvent } from './format-event.js';
export { createApplyProgress, type ApplyProgress, type ProgressOptions } from './progress.js';
export { platformServices, type ServiceController, type ServiceRequest } from './services.js';
export { ApplyError, type ApplyErrorCode, type ApplyFailure } from './errors.js';
export { primaryNodes } from './order.js';
export { ensureUsers, planUser, type UserPlan, type EnsureUsersOptions } from './users.js';
export { installPackages, type PackageReport, type InstallPackagesOptions } from './packages.js';
export { packagesFor, installedQuery, parseInstalled, installCommand } from '../platform/packages.js';
