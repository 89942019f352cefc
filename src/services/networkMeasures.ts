// Whole-network measures for the groups page, worked out in the background: a request never waits
// for betweenness or Louvain. The measures of a network are cached under a digest of its entities
// and links, so they are computed again only when the network a viewer sees has changed (a new
// record, a new report, other filters); viewers who see the same network share one computation.
// The work runs on a worker thread (piscina) so the server keeps answering while it runs.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Actor } from '../access/actor.ts';
import type { NetworkFilter, NetworkGraph } from '../domain/network/graph.ts';
import { computeMeasures, type MeasuresInput, type NetworkMeasures } from '../domain/network/measures.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import type { NetworkService } from './network.ts';

export type MeasuresState =
  | { readonly status: 'ready'; readonly measures: NetworkMeasures; readonly computedAt: string }
  | { readonly status: 'computing' }
  | { readonly status: 'failed' };

interface Entry { state: MeasuresState; done: Promise<void>; usedAt: number }

/** Networks kept: one per distinct view (force, filters) recently asked for. */
const CACHE_SIZE = 16;

export function measuresInput(graph: NetworkGraph): MeasuresInput {
  return { nodes: [...graph.entities.keys()], edges: graph.relationships.map((r) => [r.from, r.to] as const) };
}

/** Identifies a network by what it contains: the same entities and links give the same digest. */
export function networkDigest(input: MeasuresInput): string {
  const hash = createHash('sha256');
  for (const node of [...input.nodes].sort()) hash.update(`${node}\n`);
  hash.update('\u0000');
  for (const edge of input.edges.map(([a, b]) => (a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`)).sort()) hash.update(`${edge}\n`);
  return hash.digest('hex');
}

export class NetworkMeasuresService {
  private readonly cache = new Map<string, Entry>();
  private pool: Piscina | undefined;

  constructor(private readonly context: ServiceContext, private readonly network: NetworkService, private readonly options: { inProcess?: boolean } = {}) {}

  private run(input: MeasuresInput): Promise<NetworkMeasures> {
    if (this.options.inProcess === true) return new Promise((resolve) => setImmediate(() => resolve(computeMeasures(input))));
    this.pool ??= new Piscina({
      filename: new URL('../domain/network/measuresWorker.ts', import.meta.url).href,
      // One thread, gone when idle: the measures are occasional work, not a standing load.
      minThreads: 0, maxThreads: 1, idleTimeout: 5_000,
      execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
    });
    return this.pool.run(input) as Promise<NetworkMeasures>;
  }

  /** The measures of the network the actor sees under the filters: ready, or started and being computed. */
  async measures(actor: Actor, filter: NetworkFilter = {}): Promise<{ graph: NetworkGraph; state: MeasuresState; done: Promise<void> }> {
    const graph = (await this.network.build(actor)).filtered(filter);
    const input = measuresInput(graph);
    const digest = networkDigest(input);
    let entry = this.cache.get(digest);
    if (entry === undefined) {
      const started: Entry = { state: { status: 'computing' }, done: Promise.resolve(), usedAt: Date.now() };
      started.done = this.run(input).then(
        (measures) => { started.state = { status: 'ready', measures, computedAt: isoNow(this.context.clock) }; },
        () => { started.state = { status: 'failed' }; this.cache.delete(digest); },
      );
      entry = started;
      this.cache.set(digest, entry);
      this.evict();
    }
    entry.usedAt = Date.now();
    await this.context.store.transaction((tx) => recordAudit(tx, actor, isoNow(this.context.clock), {
      action: 'network.measures.read', subjectType: 'network', subjectId: null, subjectOrganisationId: null, details: { entities: graph.entities.size, status: entry.state.status },
    }));
    return { graph, state: entry.state, done: entry.done };
  }

  private evict(): void {
    while (this.cache.size > CACHE_SIZE) {
      const oldest = [...this.cache].sort((a, b) => a[1].usedAt - b[1].usedAt)[0];
      if (oldest === undefined) return;
      this.cache.delete(oldest[0]);
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
