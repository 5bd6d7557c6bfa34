import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecp256k1Mcl } from '../group/secp256k1-mcl.ts';
import { randomScalar, bytesToHex } from '../group/scalar.ts';
import { encrypt, decryptWithSecret, publicKey } from '../elgamal/elgamal.ts';
import { inlineRunner, type Runner } from '../parallel/runner.ts';
import { createWorkerPool } from '../node/node-worker-pool.ts';
import { shuffleAndProve, type EncodedCiphertext } from './shuffle-prove.ts';
import type { Group } from '../group/group.ts';

const group = (await createSecp256k1Mcl()) as Group<unknown>;
const sk = randomScalar(group.order);
const pk = group.mulBase(sk);

function inputs(n: number, width: number): { cts: EncodedCiphertext[]; plain: string[] } {
  const key = publicKey(group, pk);
  const plain: string[] = [];
  const cts = Array.from({ length: n }, (_, i) => {
    const ms = Array.from({ length: width }, (_, w) => group.mulBase(BigInt(1000 * i + w + 1)));
    plain.push(ms.map((m) => bytesToHex(group.encode(m))).join('|'));
    return encrypt(
      group,
      key,
      ms,
      ms.map(() => randomScalar(group.order)),
    ).flatMap((c) => [group.encode(c.a), group.encode(c.b)]);
  });
  return { cts, plain };
}

function decryptAll(cts: readonly EncodedCiphertext[]): string[] {
  return cts.map((ct) => {
    const pairs = [];
    for (let w = 0; w < ct.length; w += 2) {
      const a = group.decode(ct[w] ?? new Uint8Array(0));
      const b = group.decode(ct[w + 1] ?? new Uint8Array(0));
      assert.ok(a !== undefined && b !== undefined);
      pairs.push({ a, b });
    }
    return decryptWithSecret(group, sk, pairs)
      .map((m) => bytesToHex(group.encode(m)))
      .join('|');
  });
}

async function check(runner: Runner, n: number, width: number): Promise<void> {
  const { cts, plain } = inputs(n, width);
  const { outputs, proof } = await shuffleAndProve(
    group,
    runner,
    { electionId: 'E', groupId: 'g', mixNode: 1 },
    group.encode(pk),
    cts,
  );
  assert.equal(outputs.length, n);
  assert.equal(proof.commitments.length, n);
  assert.equal(proof.chain.length, n);
  assert.notDeepEqual(
    outputs.map((o) => o.map(bytesToHex).join()),
    cts.map((o) => o.map(bytesToHex).join()),
  );
  assert.deepEqual(decryptAll(outputs).sort(), [...plain].sort());
}

describe('re-encryption shuffle', () => {
  test('outputs re-encrypt a permutation of the inputs (inline runner, width 2)', async () => {
    await check(inlineRunner(group), 12, 2);
  });
  test('same with the worker pool (2 threads)', async () => {
    const pool = createWorkerPool('secp256k1', 'mcl', 2);
    try {
      await check(pool, 600, 1);
    } finally {
      await pool.close();
    }
  });
});
