// Writes packages/crypto/test-vectors/vectors.json: for each group, inputs, the randomness used
// (encryption randomness and proof nonces, recovered as w = s − c·x) and the expected outputs of
// every algorithm of PROTOCOL.md, so that another implementation (the planned Python verifier) can
// check itself. Deterministic: every random draw comes from SHA-512(seed ‖ counter).
//   node packages/crypto/src/testing/generate-test-vectors.ts [OUT]
// Checked by test-vectors.test.ts here and packages/verifier/src/test-vectors.test.ts.
import { writeFileSync } from 'node:fs';
import { sha512 } from '@noble/hashes/sha2.js';
import { buildTestVectors } from './test-vectors.ts';

const SEED = 'isoloir/test-vectors/v1';
let counter = 0;
let stream = new Uint8Array(0);
function deterministic<T extends ArrayBufferView | null>(array: T): T {
  if (array === null) return array;
  const out = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let filled = 0;
  while (filled < out.length) {
    if (stream.length === 0) stream = sha512(new TextEncoder().encode(`${SEED}/${String(counter++)}`));
    const take = Math.min(stream.length, out.length - filled);
    out.set(stream.subarray(0, take), filled);
    stream = stream.subarray(take);
    filled += take;
  }
  return array;
}
Object.defineProperty(globalThis.crypto, 'getRandomValues', { value: deterministic, configurable: true });

const out = process.argv[2] ?? new URL('../../test-vectors/vectors.json', import.meta.url).pathname;
const vectors = await buildTestVectors(SEED);
writeFileSync(out, `${JSON.stringify(vectors, null, 2)}\n`);
process.stderr.write(`wrote ${out}\n`);
