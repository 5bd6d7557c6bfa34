// The shuffle of packages/crypto/test-vectors/vectors.json, checked by the verifier's own
// implementation of the Terelius–Wikström verification (and a changed output refused).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createRistretto255Noble, createSecp256k1Noble, hexToBytes, type Group } from '@isoloir/crypto';
import { verifyShuffleProof } from './check-shuffle.ts';

const FILE = new URL('../../crypto/test-vectors/vectors.json', import.meta.url);
interface ShuffleVector {
  context: { electionId: string; groupId: string; mixNode: number };
  publicKey: string;
  inputs: string[][];
  payload: { outputs: string[][]; proof: unknown };
}
const file = JSON.parse(readFileSync(FILE, 'utf8')) as { groups: { group: string; shuffle: ShuffleVector }[] };
const bytes = (h: string): Uint8Array => hexToBytes(h) ?? new Uint8Array();

for (const v of file.groups) {
  test(`${v.group}: the shuffle test vector verifies, and a changed output does not`, async () => {
    const group = (v.group === 'secp256k1' ? createSecp256k1Noble() : createRistretto255Noble()) as Group<unknown>;
    const s = v.shuffle;
    const statement = {
      electionId: s.context.electionId,
      groupId: s.context.groupId,
      mixNode: s.context.mixNode,
      pk: bytes(s.publicKey),
    };
    const inputs = s.inputs.map((ct) => ct.map(bytes));
    const outputs = s.payload.outputs.map((ct) => ct.map(bytes));
    assert.equal(await verifyShuffleProof(group, statement, inputs, outputs, s.payload.proof, 'vector'), undefined);
    const swapped = [outputs[1] ?? [], outputs[0] ?? [], ...outputs.slice(2)];
    assert.notEqual(await verifyShuffleProof(group, statement, inputs, swapped, s.payload.proof, 'vector'), undefined);
  });
}
