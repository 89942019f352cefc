import type { FeatureTable } from '../featureTable.ts';
import type { LinkType } from '../record.ts';
import { pairAllowed, totalPossiblePairs } from '../blocking.ts';
import { seededRandom } from '../../../domain/seededRandom.ts';
import type { PairChunk } from '../workers/pairEngine.ts';

/**
 * Pairs for estimating u: nearly all random pairs are non-matches, so level frequencies among
 * them are the u probabilities. Every allowed pair when there are few; otherwise a seeded sample.
 */
export function* randomPairs(table: FeatureTable, linkType: LinkType, maxPairs: number, seed: number, chunkSize = 50_000): Generator<PairChunk> {
  const n = table.size;
  const possible = totalPossiblePairs(table, linkType);
  let left = new Int32Array(chunkSize);
  let right = new Int32Array(chunkSize);
  let filled = 0;
  const flush = (): PairChunk => {
    const chunk = { left: left.slice(0, filled), right: right.slice(0, filled) };
    left = new Int32Array(chunkSize);
    right = new Int32Array(chunkSize);
    filled = 0;
    return chunk;
  };
  if (possible <= maxPairs) {
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) {
        if (!pairAllowed(linkType, table.source, a, b)) continue;
        left[filled] = a;
        right[filled] = b;
        if (++filled === chunkSize) yield flush();
      }
  } else if (possible > 0) {
    const random = seededRandom(seed);
    let produced = 0;
    let attempts = 0;
    while (produced < maxPairs && attempts < maxPairs * 50) {
      attempts++;
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * n);
      if (a === b || !pairAllowed(linkType, table.source, a, b)) continue;
      left[filled] = Math.min(a, b);
      right[filled] = Math.max(a, b);
      produced++;
      if (++filled === chunkSize) yield flush();
    }
  }
  if (filled > 0) yield flush();
}
