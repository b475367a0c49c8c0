import { operateCommand } from '../operate.js';
import type { TargetOptions } from '../target.js';

export const unmoveCommand = (group: string, options: TargetOptions): Promise<number> => operateCommand('unmove', { group }, options);
