/** Two-list terms in the order SparseMSE and modslavmse scan them: (1,2), (1,3), …, (1,k), (2,3), … */
export function twoListTerms(listCount: number): number[] {
  const terms: number[] = [];
  for (let i = 0; i < listCount - 1; i++) for (let j = i + 1; j < listCount; j++) terms.push((1 << i) | (1 << j));
  return terms;
}

/** First index attaining the minimum, as R's `min((1:n)[x == min(x)])`. */
export function firstMinimumIndex(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? Infinity) < (values[best] ?? Infinity)) best = i;
  return best;
}
