import { Listr, ListrLogger, ProcessOutput } from 'listr2';
import type { RenderedFile } from '../render/artifact.js';
import type { ClusterModel } from '../model/model.js';
import type { ApplyEvent, ApplyEventHandler } from './events.js';
import { formatEvent } from './format-event.js';
import { applyTargets } from './targets.js';

export interface ApplyProgress {
  onEvent: ApplyEventHandler;
  /** call after applyStack returns: settles every row and waits for the renderer to finish drawing */
  done(): Promise<void>;
}

export interface ProgressOptions {
  model: ClusterModel;
  result: { files: readonly RenderedFile[] };
  stream?: NodeJS.WriteStream;
  /** default: whether the stream is a TTY */
  tty?: boolean;
}

interface TaskView {
  title: string | undefined;
  output: string | undefined;
}

interface Row {
  title: string;
  output?: string;
  task?: TaskView;
  settle: (error?: Error) => void;
  settled: Promise<void>;
}

function newRow(title: string): Row {
  let settle!: Row['settle'];
  const settled = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  settled.catch(() => undefined);
  return { title, settle, settled };
}

function update(row: Row, node: string, e: ApplyEvent): void {
  if (e.type === 'node-done') row.title = `${node}: ${formatEvent(e).replace(`[${node}] `, '')}`;
  else if (e.type !== 'node-start' && e.type !== 'node-failed') row.output = formatEvent(e).replace(`[${node}] `, '');
  if (row.task) {
    row.task.title = row.title;
    if (row.output) row.task.output = row.output;
  }
  if (e.type === 'node-done') row.settle();
  if (e.type === 'node-failed') row.settle(new Error(`${e.error.path ? `${e.error.path}: ` : ''}${e.error.message}`));
}

function taskList(rows: Map<string, Row>, stream: NodeJS.WriteStream): ApplyProgress {
  const logger = new ListrLogger({ processOutput: new ProcessOutput(stream, stream) });
  const listr = new Listr(
    [...rows.entries()].map(([, row]) => ({
      title: row.title,
      task: (_ctx: unknown, task: TaskView) => {
        row.task = task;
        task.title = row.title;
        if (row.output) task.output = row.output;
        return row.settled;
      },
      rendererOptions: { persistentOutput: false },
    })),
    {
      concurrent: true,
      exitOnError: false,
      rendererOptions: { collapseErrors: false, logger },
      // listr2 falls back when process.stdout itself is no TTY (e.g. under a test runner); it writes to `stream` too
      fallbackRendererOptions: { logger },
    },
  );
  const running = listr.run().catch(() => undefined);
  return {
    onEvent: (e) => {
      const row = rows.get(e.node);
      if (row) update(row, e.node, e);
    },
    done: async () => {
      for (const row of rows.values()) row.settle();
      await running;
    },
  };
}

/**
 * Per-node progress for `hactl apply`: a listr2 task list on a terminal, plain lines otherwise (CI logs). It goes
 * to stderr unless told otherwise: stdout carries the command's result (`apply --json` prints the report there).
 */
export function createApplyProgress(opts: ProgressOptions): ApplyProgress {
  const stream = opts.stream ?? process.stderr;
  if (!(opts.tty ?? stream.isTTY === true)) {
    return {
      onEvent: (e) => {
        stream.write(`${formatEvent(e)}\n`);
      },
      done: async () => undefined,
    };
  }
  const rows = new Map(applyTargets(opts.model, opts.result.files).map((t) => [t.node, newRow(t.node)]));
  return taskList(rows, stream);
}
