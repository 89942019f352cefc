// One generated operation per seed, shared by the tests of a file: generation takes a fraction
// of a second, but a dozen tests each regenerating it would add up.
import { EXAMPLE_FORCE_ROSTER, generateOperation } from '../../src/demo/index.ts';
import type { GroundTruthBatch, OperationRecordBatch, PersonFoundRecord } from '../../src/demo/index.ts';

export interface GeneratedDemo {
  records: OperationRecordBatch;
  truth: GroundTruthBatch;
  personById: Map<string, PersonFoundRecord>;
}

const cache = new Map<string, GeneratedDemo>();

export function demo(seed: number, scale = 1): GeneratedDemo {
  const key = `${seed}:${scale}`;
  let found = cache.get(key);
  if (found === undefined) {
    const { records, truth } = generateOperation({ seed, scale, forces: EXAMPLE_FORCE_ROSTER });
    found = { records, truth, personById: new Map(records.peopleFound.map((p) => [p.id, p])) };
    cache.set(key, found);
  }
  return found;
}

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}
