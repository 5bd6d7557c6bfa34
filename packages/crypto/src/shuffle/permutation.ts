/** Uniform random permutation of [0, n) (Fisher–Yates with rejection-sampled indices). */
export function randomPermutation(n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  // Random words drawn in batches (one getRandomValues call per 4,096 words).
  const buf = new Uint32Array(4096);
  let used = buf.length;
  const word = (): number => {
    if (used === buf.length) {
      crypto.getRandomValues(buf);
      used = 0;
    }
    return buf[used++] ?? 0;
  };
  for (let i = n - 1; i > 0; i--) {
    const bound = i + 1;
    const limit = Math.floor(0x1_0000_0000 / bound) * bound;
    let v = word();
    while (v >= limit) v = word();
    const j = v % bound;
    const t = p[i] ?? 0;
    p[i] = p[j] ?? 0;
    p[j] = t;
  }
  buf.fill(0);
  return p;
}
