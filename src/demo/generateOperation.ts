// The entry point. Generation is a single pass over planned networks, each turned into records
// and emitted in batches; nothing from an emitted batch is kept. Three PRNG streams (plan,
// content, ids) derive from the seed, so the same seed and scale give byte-identical output
// whatever batch size the caller asks for.
import type { GroundTruthBatch } from './groundTruth.ts';
import { type GenerationContext, generateNetwork } from './networks.ts';
import { DEFAULT_OPERATIONS, planNetworks, planOperations, visitBudgets } from './operationPlan.ts';
import { PhoneAllocator } from './phoneFormats.ts';
import { Random } from './random.ts';
import type { DemoOperationInput, OperationRecord, OperationRecordBatch, OperationTemplate } from './records.ts';

export interface DemoBatch {
  /** 0, 1, 2, … */
  index: number;
  /** For the store. Operations come in batch 0 only; every foreign key points into this or an earlier batch. */
  records: OperationRecordBatch;
  /** For the truth file only — never for the store. */
  truth: GroundTruthBatch;
  progress: { visitsDone: number; visitsTotal: number };
}

export interface DemoPlanSummary {
  operations: OperationRecord[];
  visitsPerOperation: number[];
  visitsTotal: number;
}

const STREAM_PLAN = 1;
const STREAM_CONTENT = 2;
const STREAM_IDS = 3;
const DEFAULT_BATCH_VISITS = 1000;

function validated(input: DemoOperationInput): { templates: readonly OperationTemplate[] } {
  if (!Number.isInteger(input.seed)) throw new RangeError(`seed must be an integer, got ${input.seed}`);
  if (!(Number.isFinite(input.scale) && input.scale > 0)) throw new RangeError(`scale must be a positive number, got ${input.scale}`);
  if (input.forces.length === 0) throw new RangeError('the demo needs at least one participating force');
  const codes = new Set(input.forces.map((f) => f.code));
  if (codes.size !== input.forces.length) throw new RangeError('force codes must be unique');
  const templates = input.operations ?? DEFAULT_OPERATIONS;
  if (templates.length === 0) throw new RangeError('the demo needs at least one operation');
  for (const t of templates) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(t.starts) && /^\d{4}-\d{2}-\d{2}$/.test(t.ends) && t.starts <= t.ends;
    if (!valid || !(t.visits > 0)) throw new RangeError(`operation "${t.name}" needs a period (starts <= ends, YYYY-MM-DD) and visits > 0`);
  }
  return { templates };
}

/** What will be generated, cheaply, e.g. to size a progress bar before the first batch. */
export function describeDemoPlan(input: DemoOperationInput): DemoPlanSummary {
  const { templates } = validated(input);
  const operations = planOperations(templates, new Random(input.seed, STREAM_IDS));
  const visitsPerOperation = visitBudgets(templates, input.scale);
  return { operations, visitsPerOperation, visitsTotal: visitsPerOperation.reduce((a, b) => a + b, 0) };
}

function emptyRecords(): OperationRecordBatch {
  return { operations: [], premises: [], visits: [], peopleFound: [], arrests: [], seizedAssets: [] };
}

export function* generateOperationBatches(input: DemoOperationInput): Generator<DemoBatch> {
  const { templates } = validated(input);
  const ids = new Random(input.seed, STREAM_IDS);
  const operations = planOperations(templates, ids);
  const budgets = visitBudgets(templates, input.scale);
  const visitsTotal = budgets.reduce((a, b) => a + b, 0);
  const batchVisits = Math.max(1, input.batchVisits ?? DEFAULT_BATCH_VISITS);
  const context: GenerationContext = {
    random: new Random(input.seed, STREAM_CONTENT),
    ids,
    phones: new PhoneAllocator(),
    operations,
    asOf: operations.at(-1)?.ends ?? '2008-04-30',
  };
  let index = 0;
  let visitsDone = 0;
  let records = emptyRecords();
  records.operations.push(...operations);
  let truth: GroundTruthBatch = { people: [], networks: [] };
  for (const plan of planNetworks(input.forces, budgets, new Random(input.seed, STREAM_PLAN))) {
    const network = generateNetwork(plan, context);
    append(records.premises, network.records.premises);
    append(records.visits, network.records.visits);
    append(records.peopleFound, network.records.peopleFound);
    append(records.arrests, network.records.arrests);
    append(records.seizedAssets, network.records.seizedAssets);
    append(truth.people, network.truth.people);
    append(truth.networks, network.truth.networks);
    visitsDone += network.records.visits.length;
    if (records.visits.length >= batchVisits) {
      yield { index, records, truth, progress: { visitsDone, visitsTotal } };
      index++;
      records = emptyRecords();
      truth = { people: [], networks: [] };
    }
  }
  if (records.visits.length > 0 || records.operations.length > 0) {
    yield { index, records, truth, progress: { visitsDone, visitsTotal } };
  }
}

/**
 * The batches again, but yielding to the event loop between them, so that a server generating a
 * large demo keeps answering requests. The output is the same as generateOperationBatches.
 */
export async function* generateOperationBatchesAsync(input: DemoOperationInput): AsyncGenerator<DemoBatch> {
  for (const batch of generateOperationBatches(input)) {
    yield batch;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A loop, not push(...source): spreading 100,000 elements into one call overflows the stack. */
function append<T>(target: T[], source: readonly T[]): void {
  for (const item of source) target.push(item);
}

/** Everything at once: for tests and small scales. Use the batches for anything large. */
export function generateOperation(input: DemoOperationInput): { records: OperationRecordBatch; truth: GroundTruthBatch } {
  const records = emptyRecords();
  const truth: GroundTruthBatch = { people: [], networks: [] };
  for (const batch of generateOperationBatches(input)) {
    append(records.operations, batch.records.operations);
    append(records.premises, batch.records.premises);
    append(records.visits, batch.records.visits);
    append(records.peopleFound, batch.records.peopleFound);
    append(records.arrests, batch.records.arrests);
    append(records.seizedAssets, batch.records.seizedAssets);
    append(truth.people, batch.truth.people);
    append(truth.networks, batch.truth.networks);
  }
  return { records, truth };
}
