// A set of national register numbers as numbers (11 digits fit a double exactly), in one
// open-addressing table: 8 bytes a slot instead of the ~80 a JavaScript Set of strings takes. It grows
// up to `maxBits` (2^24 slots, 128 MiB: 11 million numbers); beyond, `add` answers 'full' and the
// caller falls back on another method.

export class NumberSet {
  #slots: Float64Array;
  #mask: number;
  #size = 0;
  readonly #maxBits: number;

  constructor(initialBits = 16, maxBits = 24) {
    this.#slots = new Float64Array(2 ** initialBits);
    this.#mask = this.#slots.length - 1;
    this.#maxBits = maxBits;
  }

  get size(): number {
    return this.#size;
  }

  static #hash(n: number): number {
    return Math.imul(((n % 4294967296) ^ Math.floor(n / 4294967296)) >>> 0, 0x9e3779b1) >>> 0;
  }

  /** Adds a positive integer: true if new, false if already there, 'full' when the set may not grow. */
  add(n: number): boolean | 'full' {
    if ((this.#size + 1) * 10 > this.#slots.length * 7 && !this.#grow()) return 'full';
    const slots = this.#slots;
    let i = NumberSet.#hash(n) & this.#mask;
    for (;;) {
      const v = slots[i] ?? 0;
      if (v === 0) {
        slots[i] = n;
        this.#size += 1;
        return true;
      }
      if (v === n) return false;
      i = (i + 1) & this.#mask;
    }
  }

  #grow(): boolean {
    if (this.#slots.length >= 2 ** this.#maxBits) return false;
    const old = this.#slots;
    this.#slots = new Float64Array(old.length * 2);
    this.#mask = this.#slots.length - 1;
    this.#size = 0;
    for (const v of old) if (v !== 0) this.add(v);
    return true;
  }
}
