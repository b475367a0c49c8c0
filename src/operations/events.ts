import type { ProviderEvent } from '../provider/provider.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { TranslationItem } from '../translate/index.js';
import type { Placement } from './health.js';

/** What `up` and `down` report while they run; the CLI draws them (format-event.ts), the library never prints. */
export type OperationEvent =
  | ProviderEvent
  | { type: 'warning'; diagnostic: Diagnostic }
  | { type: 'translated'; item: TranslationItem }
  | { type: 'daemon-started'; node: string; daemon: string }
  | { type: 'daemon-stopped'; node: string; daemon: string }
  | { type: 'bootstrap'; line: string }
  | { type: 'healthy'; placement: Placement[]; ms: number };

export type OperationEventHandler = (event: OperationEvent) => void;
