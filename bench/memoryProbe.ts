// Loaded into a server started by bench/startup.ts (`node --expose-gc --import tsx --import
// ./bench/memoryProbe.ts src/cli/main.ts serve`): answers on the IPC channel with the server's own
// process.memoryUsage(), before and after a full garbage collection, so the benchmark can read the
// heap of the real server process without any change to Lifeline. Does nothing without a channel.
export interface MemoryReport { asIs: NodeJS.MemoryUsage; afterGc: NodeJS.MemoryUsage | null }

if (process.send !== undefined) {
  process.on('message', (message: unknown) => {
    if (message !== 'memory') return;
    const asIs = process.memoryUsage();
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    process.send?.({ asIs, afterGc: collect === undefined ? null : process.memoryUsage() } satisfies MemoryReport);
  });
  process.channel?.unref();
}
