import { operateCommand } from '../operate.js';
import type { TargetOptions } from '../target.js';

export const stopCommand = (group: string, options: TargetOptions): Promise<number> => operateCommand('stop', { group }, options);
