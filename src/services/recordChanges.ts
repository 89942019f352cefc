// What an edit changed, field by field, for the audit trail and a record's history. Fields that
// describe a person, or free text that may, are named as changed without their values: the audit
// trail holds ids, field names and codes, never what identifies a potential victim.

export type FieldChange =
  | { field: string; before: string | number | boolean | null; after: string | number | boolean | null }
  | { field: string; withheld: true };

type Comparable = string | number | boolean | null;

/**
 * The fields whose values differ between two versions of a record. `withheld` fields are listed
 * without values. Both sides are compared as stored (JSON text for lists), so "no change" is exact.
 */
export function changedFields<T extends Record<string, Comparable>>(before: T, after: T, withheld: ReadonlySet<string> = new Set()): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as Array<keyof T & string>) {
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    if (was === now) continue;
    changes.push(withheld.has(field) ? { field, withheld: true } : { field, before: was, after: now });
  }
  return changes;
}

/**
 * The `updated_at` an edit writes. It doubles as the record's version, so it must move even when
 * two saves land in the same millisecond (or under a test clock that stands still).
 */
export function nextUpdatedAt(previous: string, now: string): string {
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}
