import { formatDiagnostic } from '../diagnostics/index.js';
import { formatTranslation } from '../translate/index.js';
import type { OperationEvent } from './events.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One line per event, for the operator's terminal (stderr). */
export function formatOperationEvent(e: OperationEvent): string {
  switch (e.type) {
    case 'machines-ready':
      return `${e.where}: machines ready (${seconds(e.ms)})`;
    case 'files-in-place':
      return `${e.node}: ${e.count} files applied ${e.how}${e.ms === undefined ? '' : ` (${seconds(e.ms)})`}`;
    case 'progress':
      return e.message;
    case 'warning':
      return formatDiagnostic(e.diagnostic);
    case 'translated':
      return `translated: ${formatTranslation(e.item)}`;
    case 'daemon-started':
      return `${e.node}: ${e.daemon} started`;
    case 'daemon-stopped':
      return `${e.node}: ${e.daemon} stopped`;
    case 'bootstrap':
      return e.line;
    case 'healthy':
      return `healthy after ${seconds(e.ms)}`;
  }
}
