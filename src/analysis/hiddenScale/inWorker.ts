// Runs the hidden-scale pipeline in a worker thread (TypeScript through tsx's loader, as the
// linkage workers do), relaying its progress.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HiddenScaleInput, HiddenScaleOutcome, HiddenScaleProgress, HiddenScaleStage } from './hiddenScale.ts';

export type WorkerMessage =
  | { type: 'progress'; stage: HiddenScaleStage; done: number; total: number }
  | { type: 'outcome'; outcome: HiddenScaleOutcome }
  | { type: 'failed'; message: string };

function workerExecArgv(): string[] {
  if (process.execArgv.some((a) => a.includes('tsx'))) return process.execArgv;
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  return [...process.execArgv, '--import', pathToFileURL(join(dirname(tsxPackage), 'dist', 'loader.mjs')).href];
}

export function runHiddenScaleInWorker(input: HiddenScaleInput, onProgress?: HiddenScaleProgress): Promise<HiddenScaleOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./hiddenScaleWorker.ts', import.meta.url), { workerData: input, execArgv: workerExecArgv() });
    let settled = false;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      settle();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'progress':
          onProgress?.(message.stage, message.done, message.total);
          break;
        case 'outcome':
          finish(() => resolve(message.outcome));
          break;
        case 'failed':
          finish(() => reject(new Error(message.message)));
          break;
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the estimation worker stopped (exit code ${code})`))));
  });
}
