// The offline demo's seeded choices (`isoloir demo --seed`): the same seed gives the same ballots,
// re-votes and envelopes on every run. For generated DEMO-ONLY data only, never for anything secret
// (the ballots' encryption randomness comes from the crypto package's own generator).

/** A small seeded generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of one stream of the demo (`seed` and a name, e.g. an election's id): independent streams per election. */
export function streamSeed(seed: number, name: string): number {
  let h = seed >>> 0;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}
