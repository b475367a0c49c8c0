import { operateCommand } from '../operate.js';
import type { TargetOptions } from '../target.js';

export const startCommand = (group: string, options: TargetOptions): Promise<number> => operateCommand('start', { group }, options);
