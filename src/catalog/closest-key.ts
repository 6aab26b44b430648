import { distance } from 'fastest-levenshtein';

/** The nearest real key within about one typo per five characters. */
export function closestKey(key: string, candidates: string[]): string | undefined {
  const limit = Math.max(2, Math.floor(key.length / 5));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
