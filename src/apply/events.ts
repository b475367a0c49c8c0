import type { ApplyFailure } from './errors.js';

/** What apply reports while it runs; the CLI draws them (progress.ts), the library never prints. */
export type ApplyEvent =
  | { type: 'node-start'; node: string; via: string; files: number }
  | { type: 'file-checked'; node: string; path: string; tool: string; result: 'ok' | 'skipped'; reason?: string }
  | { type: 'file-written'; node: string; path: string; action: 'create' | 'update'; backup?: string }
  | { type: 'file-rolled-back'; node: string; path: string }
  | { type: 'user-created'; node: string; user: string; uid?: number }
  | { type: 'user-skipped'; node: string; user: string; reason: string }
  | { type: 'service-reloaded'; node: string; service: string; action: 'reload' | 'restart' }
  | { type: 'service-skipped'; node: string; service: string; action: 'reload' | 'restart'; reason: string }
  | { type: 'node-done'; node: string; changed: number; services: number; users?: number }
  | { type: 'node-failed'; node: string; error: ApplyFailure };

export type ApplyEventHandler = (event: ApplyEvent) => void;
