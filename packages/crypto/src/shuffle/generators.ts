/**
 * Independent generators for permutation commitments:
 *   H₀ = HashToElement("isoloir/v1/shuffle-generator", group, "h0"),
 *   hᵢ = HashToElement("isoloir/v1/shuffle-generator", group, i) for i = 1…N.
 * Cached per group (deriving one costs a square root).
 */
import type { Group } from '../group/group.ts';
import { hashToElement } from '../hash/hash-to-element.ts';

export const SHUFFLE_GENERATOR_LABEL = 'isoloir/v1/shuffle-generator';

const caches = new WeakMap<object, { h0: unknown; hs: unknown[] }>();

function cacheFor<P>(group: Group<P>): { h0: P; hs: P[] } {
  let cache = caches.get(group) as { h0: P; hs: P[] } | undefined;
  if (cache === undefined) {
    cache = { h0: hashToElement(group, SHUFFLE_GENERATOR_LABEL, [group.name, 'h0']), hs: [] };
    caches.set(group, cache);
  }
  return cache;
}

export function generatorH0<P>(group: Group<P>): P {
  return cacheFor(group).h0;
}

/** hᵢ for i = start+1 … start+count (1-based indices, as in the protocol description). */
export function generators<P>(group: Group<P>, start: number, count: number): P[] {
  const cache = cacheFor(group);
  const out: P[] = [];
  for (let i = start + 1; i <= start + count; i++) {
    let h = cache.hs[i - 1];
    if (h === undefined) {
      h = hashToElement(group, SHUFFLE_GENERATOR_LABEL, [group.name, i]);
      cache.hs[i - 1] = h;
    }
    out.push(h);
  }
  return out;
}
