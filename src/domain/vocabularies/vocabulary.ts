// A controlled vocabulary: terms with a stable id and a label, held as `as const` data so that
// the id type is derived from the data and a switch over it can be checked for exhaustiveness.

export interface Term {
  readonly id: string;
  readonly label: string;
}

export interface Vocabulary<T extends Term> {
  readonly terms: readonly T[];
  readonly ids: readonly T['id'][];
  has(value: string): value is T['id'];
  get(id: T['id']): T;
  label(id: T['id']): string;
}

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Wraps a term list. Duplicate or badly formed ids throw when the module loads: a vocabulary
 * that cannot tell two terms apart must never reach a database.
 */
export function vocabulary<const T extends Term>(name: string, terms: readonly T[], idPattern: RegExp = KEBAB_CASE): Vocabulary<T> {
  const byId = new Map<string, T>();
  for (const term of terms) {
    if (!idPattern.test(term.id)) throw new Error(`${name}: id ${JSON.stringify(term.id)} does not match ${String(idPattern)}`);
    if (byId.has(term.id)) throw new Error(`${name}: duplicate id ${term.id}`);
    if (term.label.trim() === '') throw new Error(`${name}: id ${term.id} has no label`);
    byId.set(term.id, term);
  }
  const get = (id: T['id']): T => {
    const term = byId.get(id);
    if (term === undefined) throw new RangeError(`${name}: unknown id ${JSON.stringify(id)}`);
    return term;
  };
  return {
    terms,
    ids: terms.map((t) => t.id),
    has: (value: string): value is T['id'] => byId.has(value),
    get,
    label: (id) => get(id).label,
  };
}
