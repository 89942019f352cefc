// The platform's language about people is careful: "potential victim", never "illegal" or
// "prostitute". Every piece of free text the generator writes is scanned, over several seeds so
// that rarely drawn sentences are reached too.
import { describe, expect, it } from 'vitest';
import type { OperationRecordBatch } from '../../src/demo/index.ts';
import { demo } from './demoFixture.ts';

const BANNED = /\b(illegals?|illegal immigrants?|illegally|prostitutes?|whores?|hookers?|aliens?)\b/i;

function freeTexts(records: OperationRecordBatch): string[] {
  return [
    ...records.peopleFound.map((p) => p.account),
    ...records.seizedAssets.map((a) => a.description),
    ...records.premises.flatMap((p) => [p.name ?? '', ...p.addressLines]),
    ...records.operations.map((o) => o.name),
  ];
}

function bannedIn(texts: readonly string[]): string[] {
  return texts.filter((t) => BANNED.test(t));
}

describe('careful language', () => {
  it('the scan catches the words it is meant to catch', () => {
    expect(bannedIn(['Found an illegal immigrant at the address.', 'Two prostitutes present.', 'ILLEGALS'])).toHaveLength(3);
    expect(bannedIn(['Identified as a potential victim of trafficking.'])).toEqual([]);
  });

  it.each([1, 2, 3, 42, 2006])('no generated free text uses a banned word (seed %i)', (seed) => {
    const texts = freeTexts(demo(seed).records);
    expect(texts.length).toBeGreaterThan(1000);
    expect(bannedIn(texts)).toEqual([]);
  });

  it('calls the people found to be exploited potential victims', () => {
    const { records } = demo(42);
    const victims = records.peopleFound.filter((p) => p.role === 'potential-victim');
    expect(victims.length).toBeGreaterThan(0);
    for (const victim of victims) expect(victim.account).toContain('potential victim');
  });
});
