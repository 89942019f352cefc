// Runs the hidden-scale pipeline in a worker thread (TypeScript through tsx's loader, as the
// bootstrap's workers do), relaying its progress. One worker is kept while estimates keep coming,
// so the loader's start-up is paid once, not per estimate.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { HiddenScaleInput, HiddenScaleOutcome, HiddenScaleProgress, HiddenScaleStage } from './hiddenScale.ts';
import type { HiddenScaleTask } from './hiddenScaleWorker.ts';

interface ProgressMessage { stage: HiddenScaleStage; done: number; total: number }

let pool: Piscina<HiddenScaleTask, HiddenScaleOutcome> | undefined;

function workerPool(): Piscina<HiddenScaleTask, HiddenScaleOutcome> {
  pool ??= new Piscina<HiddenScaleTask, HiddenScaleOutcome>({
    filename: new URL('./hiddenScaleWorker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    // An idle worker leaves after a minute, so a quiet server holds no thread for this.
    idleTimeout: 60_000,
    execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
  });
  return pool;
}

export async function runHiddenScaleInWorker(input: HiddenScaleInput, onProgress?: HiddenScaleProgress): Promise<HiddenScaleOutcome> {
  const channel = new MessageChannel();
  channel.port1.on('message', (message: ProgressMessage) => onProgress?.(message.stage, message.done, message.total));
  try {
    return await workerPool().run({ input, progress: channel.port2 }, { transferList: [channel.port2] });
  } finally {
    channel.port1.close();
  }
}

