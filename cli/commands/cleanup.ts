import { operateCommand } from '../operate.js';
import type { TargetOptions } from '../target.js';

export const cleanupCommand = (resource: string | undefined, node: string | undefined, options: TargetOptions): Promise<number> =>
  operateCommand('cleanup', { ...(resource ? { resource } : {}), ...(node ? { node } : {}) }, options);
