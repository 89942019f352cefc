import type { LinkType } from './record.ts';

export interface PairwiseAccuracy {
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function accuracy(truePairs: number, predictedPairs: number, truePositives: number): PairwiseAccuracy {
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
}

/** True pairs implied by known entities (per row), counting only pairs the link type allows. */
export function countTruePairs(entity: readonly string[], source: ArrayLike<number>, linkType: LinkType): number {
  const groups = new Map<string, number[]>();
  entity.forEach((e, row) => {
    let list = groups.get(e);
    if (list === undefined) groups.set(e, (list = []));
    list.push(row);
  });
  let total = 0;
  for (const rows of groups.values()) {
    if (linkType !== 'link') total += (rows.length * (rows.length - 1)) / 2;
    else
      for (let x = 0; x < rows.length; x++)
        for (let y = x + 1; y < rows.length; y++) if (source[rows[x] ?? 0] !== source[rows[y] ?? 0]) total++;
  }
  return total;
}

/** Precision, recall and F1 of predicted pairs (by row) against known entities. */
export function pairwiseAccuracy(
  left: ArrayLike<number>,
  right: ArrayLike<number>,
  entity: readonly string[],
  source: ArrayLike<number>,
  linkType: LinkType,
): PairwiseAccuracy {
  let truePositives = 0;
  for (let p = 0; p < left.length; p++) if (entity[left[p] ?? 0] === entity[right[p] ?? 0]) truePositives++;
  return accuracy(countTruePairs(entity, source, linkType), left.length, truePositives);
}

/** The same measure for clusters: every pair inside a cluster counts as predicted. */
export function clusterAccuracy(clusters: readonly string[], entity: readonly string[], source: ArrayLike<number>, linkType: LinkType): PairwiseAccuracy {
  const groups = new Map<string, number[]>();
  clusters.forEach((c, row) => {
    let list = groups.get(c);
    if (list === undefined) groups.set(c, (list = []));
    list.push(row);
  });
  let predicted = 0;
  let truePositives = 0;
  for (const rows of groups.values())
    for (let x = 0; x < rows.length; x++)
      for (let y = x + 1; y < rows.length; y++) {
        const a = rows[x] ?? 0;
        const b = rows[y] ?? 0;
        if (linkType === 'link' && source[a] === source[b]) continue;
        predicted++;
        if (entity[a] === entity[b]) truePositives++;
      }
  return accuracy(countTruePairs(entity, source, linkType), predicted, truePositives);
}
