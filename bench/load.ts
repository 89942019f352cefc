// The load generator for bench/http.ts, in a child process of its own so that autocannon's
// client work does not share the event loop (and so the CPU time) of the server it measures.
// It takes jobs over the IPC channel, one at a time, and answers each with its measurements.
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  completed: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Every status seen, with its count; the benchmark accepts only 200. */
  statuses: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  resets: number;
}

export type LoadReply = { ok: true; result: LoadResult } | { ok: false; error: string };

async function run(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: job.url, headers: job.headers, connections: job.connections, duration: job.durationSeconds }, (error, finished) => {
      if (error !== null && error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(finished);
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requestsPerSecond: result.requests.total / (result.duration > 0 ? result.duration : job.durationSeconds),
    completed: result.requests.total,
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies.at(-1) ?? NaN },
    statuses, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, resets: result.resets,
  };
}

if (process.send !== undefined) {
  process.on('message', (job: LoadJob) => {
    run(job).then(
      (result) => process.send?.({ ok: true, result } satisfies LoadReply),
      (error: unknown) => process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies LoadReply),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
