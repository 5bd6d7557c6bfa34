// TESTS ONLY: publishes an election key for tests that need one but never decrypt (e.g. double
// votes). The dealing happens in the test process and every secret is dropped at once; a real key
// comes only from the trustees' ceremony (ceremony-board.ts, `isoloir trustee keygen`).
import { dkg, loadGroup, scalarToHex } from '@isoloir/crypto';
import type { Store } from '@isoloir/store';
import { publishKey } from './ceremony.ts';

export async function publishTestKey(store: Store, electionId: string): Promise<void> {
  const group = await loadGroup('secp256k1');
  const params = { electionId, threshold: 1, trustees: 1 };
  const d = dkg.deal(group, params, 1);
  const hex = (p: unknown): string => Buffer.from(group.encode(p)).toString('hex');
  const pk = hex(d.published.commitments[0]);
  const ceremony = {
    dealers: [
      {
        dealer: 1,
        commitments: d.published.commitments.map(hex),
        proof: {
          challenge: scalarToHex(d.published.proof.challenge),
          response: scalarToHex(d.published.proof.response),
        },
      },
    ],
    complaints: [],
    key: { qualified: [1], publicKey: pk, trustees: [] },
  };
  await store.db
    .transaction()
    .execute((trx) =>
      publishKey(
        trx,
        { electionId, group: group.name, threshold: 1, trustees: 1, publicKey: pk, ceremony },
        { id: 'test' },
      ),
    );
}
