import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPERATIONS, EXAMPLE_FORCE_ROSTER, describeDemoPlan, generateOperation, generateOperationBatches,
  generateOperationBatchesAsync,
} from '../../src/demo/index.ts';

describe('operations', () => {
  it('defaults to the two model operations of 2006–08', () => {
    const plan = describeDemoPlan({ seed: 1, scale: 1, forces: EXAMPLE_FORCE_ROSTER });
    expect(plan.operations.map((o) => [o.starts, o.ends])).toEqual([['2006-02-01', '2007-01-31'], ['2007-10-01', '2008-04-30']]);
    expect(plan.visitsTotal).toBe(800);
    expect(DEFAULT_OPERATIONS).toHaveLength(2);
  });

  it('announces the same operations, with the same ids, as the batches then emit', () => {
    const input = { seed: 5, scale: 0.5, forces: EXAMPLE_FORCE_ROSTER };
    const [first] = generateOperationBatches(input);
    expect(first?.records.operations).toEqual(describeDemoPlan(input).operations);
  });

  it('charges the Modern Slavery Act offence in an operation after July 2015, and no longer the old ones', () => {
    const { records } = generateOperation({
      seed: 3, scale: 1, forces: EXAMPLE_FORCE_ROSTER,
      operations: [{ name: 'Operation 2016', starts: '2016-03-01', ends: '2016-09-30', visits: 400 }],
    });
    const offences = records.arrests.flatMap((a) => [a.offence, ...a.charges.map((c) => c.offence)]);
    expect(offences).toContain('modern-slavery-offence');
    expect(offences).not.toContain('trafficking-sexual-exploitation');
    expect(offences).not.toContain('trafficking-labour-exploitation');
    expect(records.visits).toHaveLength(400);
  });

  it('rejects an operation without a proper period', () => {
    const operations = [{ name: 'Backwards', starts: '2008-01-01', ends: '2007-01-01', visits: 10 }];
    expect(() => describeDemoPlan({ seed: 1, scale: 1, forces: EXAMPLE_FORCE_ROSTER, operations })).toThrow(RangeError);
  });

  it('gives the same output through the async iterator', async () => {
    const input = { seed: 8, scale: 0.5, forces: EXAMPLE_FORCE_ROSTER, batchVisits: 100 };
    const sync = [...generateOperationBatches(input)];
    const viaAsync = [];
    for await (const batch of generateOperationBatchesAsync(input)) viaAsync.push(batch);
    expect(JSON.stringify(viaAsync)).toBe(JSON.stringify(sync));
    expect(sync.at(-1)?.progress).toEqual({ visitsDone: 400, visitsTotal: 400 });
  });

  it('tells seeds apart beyond 32 bits', () => {
    const ids = (seed: number) => describeDemoPlan({ seed, scale: 1, forces: EXAMPLE_FORCE_ROSTER }).operations.map((o) => o.id);
    expect(ids(7)).not.toEqual(ids(7 + 2 ** 32));
    expect(ids(7)).toEqual(ids(7));
  });
});
