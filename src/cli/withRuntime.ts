import { loadConfig } from '../config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';

/** Runs a command against the configured database, closing it whatever happens. */
export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
