import { compareTerms, listsInTerm, type LoglinearModel } from '../design.ts';

/**
 * Every hierarchical log-linear model with all main effects and interactions of order at most
 * `maxOrder`: the families of terms closed under taking sub-terms. Terms are decided in order of
 * size, so a term may be included only once all its sub-terms one list smaller are.
 */
export function hierarchicalModels(listCount: number, maxOrder: number): LoglinearModel[] {
  const terms: number[] = [];
  for (let mask = 1; mask < 2 ** listCount; mask++) {
    const size = listsInTerm(mask).length;
    if (size >= 2 && size <= maxOrder) terms.push(mask);
  }
  terms.sort(compareTerms);
  const models: LoglinearModel[] = [];
  const chosen = new Set<number>();
  const visit = (index: number): void => {
    if (index === terms.length) {
      models.push({ interactions: terms.filter((term) => chosen.has(term)) });
      return;
    }
    visit(index + 1);
    const term = terms[index] ?? 0;
    const lists = listsInTerm(term);
    const allowed = lists.length === 2 || lists.every((list) => chosen.has(term & ~(1 << list)));
    if (allowed) {
      chosen.add(term);
      visit(index + 1);
      chosen.delete(term);
    }
  };
  visit(0);
  return models;
}
