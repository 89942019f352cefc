// The four legal jurisdictions whose working days differ: bank holidays are set separately in
// each of them, so every clock that counts working days needs to know which one it runs in.

export const jurisdictions = [
  { id: 'england-and-wales', label: 'England and Wales' },
  { id: 'scotland', label: 'Scotland' },
  { id: 'northern-ireland', label: 'Northern Ireland' },
  { id: 'ireland', label: 'Ireland' },
] as const;

export type Jurisdiction = (typeof jurisdictions)[number]['id'];

export const jurisdictionIds: readonly Jurisdiction[] = jurisdictions.map((j) => j.id);

export function isJurisdiction(value: string): value is Jurisdiction {
  return (jurisdictionIds as readonly string[]).includes(value);
}

export function jurisdictionLabel(jurisdiction: Jurisdiction): string {
  const found = jurisdictions.find((j) => j.id === jurisdiction);
  if (found === undefined) throw new RangeError(`Unknown jurisdiction: ${String(jurisdiction)}`);
  return found.label;
}
