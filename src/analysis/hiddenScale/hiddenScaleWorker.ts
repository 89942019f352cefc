// Worker-thread entry (loaded by piscina): the linkage and the estimates are seconds of CPU, which
// must not stall the web server's event loop. Progress goes back on the task's message port.
import type { MessagePort } from 'node:worker_threads';
import { runHiddenScale, type HiddenScaleInput, type HiddenScaleOutcome } from './hiddenScale.ts';

export interface HiddenScaleTask {
  readonly input: HiddenScaleInput;
  readonly progress: MessagePort;
}

export default async function runTask(task: HiddenScaleTask): Promise<HiddenScaleOutcome> {
  try {
    return await runHiddenScale(task.input, (stage, done, total) => task.progress.postMessage({ stage, done, total }));
  } finally {
    task.progress.close();
  }
}
