// Worker-thread entry: the linkage and the estimates are seconds of CPU, which must not stall the
// web server's event loop. The parent posts the input; the worker posts progress, then the outcome.
import { parentPort, workerData } from 'node:worker_threads';
import { runHiddenScale, type HiddenScaleInput } from './hiddenScale.ts';
import type { WorkerMessage } from './inWorker.ts';

const port = parentPort;
if (port === null) throw new Error('hiddenScaleWorker runs only as a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);

runHiddenScale(workerData as HiddenScaleInput, (stage, done, total) => post({ type: 'progress', stage, done, total }))
  .then((outcome) => post({ type: 'outcome', outcome }))
  .catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
