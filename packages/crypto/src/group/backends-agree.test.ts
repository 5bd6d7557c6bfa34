// The browser backend (noble) and the bulk backend (mcl) of secp256k1 agree byte for byte.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createSecp256k1Noble } from './secp256k1-noble.ts';
import { createSecp256k1Mcl } from './secp256k1-mcl.ts';
import { createRistretto255Noble } from './ristretto255-noble.ts';
import { bytesToHex } from './scalar.ts';
import type { Group } from './group.ts';

const noble = createSecp256k1Noble();
const mcl = await createSecp256k1Mcl();
const scalar = fc.bigInt({ min: 0n, max: noble.order - 1n });

function hexOf<P>(g: Group<P>, p: P): string {
  return bytesToHex(g.encode(p));
}

describe('secp256k1 backends agree (noble vs mcl)', () => {
  test('known generator encoding', () => {
    assert.equal(hexOf(noble, noble.generator), '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798');
    assert.equal(hexOf(mcl, mcl.generator), hexOf(noble, noble.generator));
    assert.equal(hexOf(mcl, mcl.identity), '00'.repeat(33));
  });

  test('mulBase, mul, add, sub, fixedBase, msm and decode agree on random inputs', () => {
    fc.assert(
      fc.property(scalar, scalar, scalar, (a, b, c) => {
        const pn = noble.mulBase(a);
        const pm = mcl.mulBase(a);
        assert.equal(hexOf(mcl, pm), hexOf(noble, pn));
        const qn = noble.mul(pn, b);
        const qm = mcl.mul(pm, b);
        assert.equal(hexOf(mcl, qm), hexOf(noble, qn));
        assert.equal(hexOf(mcl, mcl.add(pm, qm)), hexOf(noble, noble.add(pn, qn)));
        assert.equal(hexOf(mcl, mcl.sub(pm, qm)), hexOf(noble, noble.sub(pn, qn)));
        assert.equal(hexOf(mcl, mcl.fixedBase(qm)(c)), hexOf(noble, noble.mul(qn, c)));
        assert.equal(hexOf(mcl, mcl.msm([pm, qm], [b, c])), hexOf(noble, noble.msm([pn, qn], [b, c])));
        const decoded = mcl.decode(noble.encode(qn));
        assert.ok(decoded !== undefined && mcl.equals(decoded, qm));
      }),
      { numRuns: 25 },
    );
  });

  test('fixed-base tables agree on scalars at window and carry boundaries', () => {
    const q = noble.order;
    const edges = [
      0n,
      1n,
      2n,
      4095n,
      4096n,
      4097n,
      8191n,
      8192n,
      8193n,
      q - 1n,
      q - 2n,
      q - 4096n,
      (1n << 255n) - 1n,
      (1n << 247n) + 4096n,
      q,
      q + 5n,
    ];
    for (let w = 0; w < 20; w++) edges.push(4097n << BigInt(13 * w), (8191n << BigInt(13 * w)) % q);
    for (const k of edges)
      assert.equal(hexOf(mcl, mcl.mulBase(k)), hexOf(noble, noble.mulBase(k % q)), `k = ${k.toString(16)}`);
  });

  test('both reject the same malformed encodings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 33, maxLength: 33 }), (bytes) => {
        const n = noble.decode(bytes);
        const m = mcl.decode(bytes);
        assert.equal(n === undefined, m === undefined);
        if (n !== undefined && m !== undefined) assert.equal(hexOf(mcl, m), hexOf(noble, n));
      }),
      { numRuns: 200 },
    );
    const tooBig = new Uint8Array(33).fill(0xff);
    tooBig[0] = 2;
    assert.equal(noble.decode(tooBig), undefined);
    assert.equal(mcl.decode(tooBig), undefined);
  });
});

describe('group laws hold for every backend', () => {
  for (const g of [noble, mcl, createRistretto255Noble()] as Group<unknown>[]) {
    test(`${g.name}/${g.backend}`, () => {
      fc.assert(
        fc.property(scalar, scalar, (a, b) => {
          const lhs = g.add(g.mulBase(a), g.mulBase(b));
          const rhs = g.mulBase((a + b) % g.order);
          assert.ok(g.equals(lhs, rhs));
          assert.ok(g.isIdentity(g.sub(lhs, rhs)));
          assert.ok(g.equals(g.mul(g.mulBase(a), b), g.mulBase((a * b) % g.order)));
        }),
        { numRuns: 10 },
      );
    });
  }
});
