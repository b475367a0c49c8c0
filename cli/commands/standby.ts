import { operateCommand } from '../operate.js';
import type { TargetOptions } from '../target.js';

export const standbyCommand = (node: string, options: TargetOptions): Promise<number> => operateCommand('standby', { node }, options);
