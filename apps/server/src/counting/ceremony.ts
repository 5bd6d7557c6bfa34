// The trustees' key ceremony (Pedersen DKG, t of n), as its published part enters the server and
// the record: dealers' commitments and proofs, complaints, the election key with each trustee's
// verification key and proof. Secret shares stay with the trustees (here: files, demo only).
import { dkg, loadGroup, scalarToHex, type Group, type Json } from '@isoloir/crypto';
import { appendAudit, type Store } from '@isoloir/store';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ballotWidth } from '@isoloir/crypto';
import { toHex } from './blob.ts';
import { electionLayout } from './layout.ts';
import { CountingError, type CountingActor } from './errors.ts';

/** The published ceremony, exactly as its entries enter the election record. */
export interface PublishedCeremony {
  readonly dealers: readonly Json[];
  readonly complaints: readonly Json[];
  readonly key: Json;
}

/** A trustee's key share file: what `isoloir trustee` reads on the trustee's own machine. */
export interface TrusteeShareFile {
  readonly format: 'isoloir-trustee-share/1';
  readonly warning?: string;
  readonly electionId: string;
  readonly group: string;
  readonly trustee: number;
  readonly threshold: number;
  readonly trustees: number;
  readonly secret: string;
  readonly verificationKey: string;
}

export interface CeremonyOptions {
  readonly trustees: number;
  readonly threshold: number;
  /** Folder for the demo share files (never the database). */
  readonly shareDir: string;
  readonly groupName?: 'secp256k1' | 'ristretto255';
}

/**
 * Runs the whole ceremony in one process for a DEMO: every trustee's dealing, the share checks,
 * the combination. Real trustees run `isoloir trustee keygen` on their own machines.
 */
export async function runDemoCeremony(store: Store, electionId: string, opts: CeremonyOptions, actor: CountingActor): Promise<{ publicKey: string; shareFiles: string[] }> {
  const group = await loadGroup(opts.groupName ?? 'secp256k1');
  const params = { electionId, threshold: opts.threshold, trustees: opts.trustees };
  const dealt = Array.from({ length: opts.trustees }, (_, i) => dkg.deal(group, params, i + 1));
  const complaints: dkg.Complaint[] = [];
  for (const d of dealt) {
    for (let j = 1; j <= opts.trustees; j++) {
      const share = d.shares[j - 1] ?? 0n;
      if (!dkg.checkShare(group, d.published, j, share)) complaints.push({ by: j, against: d.published.dealer, revealed: share });
    }
  }
  const pubs = dealt.map((d) => d.published);
  const qualified = dkg.qualifiedDealers(group, params, pubs, complaints);
  const pk = dkg.electionPublicKey(group, pubs, qualified);
  const keys = Array.from({ length: opts.trustees }, (_, i) => dkg.trusteeKey(group, params, i + 1, new Map(dealt.map((d) => [d.published.dealer, d.shares[i] ?? 0n])), qualified));
  const ceremony = publishedCeremony(group, pubs, complaints, qualified, pk, keys);
  mkdirSync(opts.shareDir, { recursive: true });
  const shareFiles = keys.map((k) => {
    const file: TrusteeShareFile = {
      format: 'isoloir-trustee-share/1',
      warning: 'DEMO ONLY: a real trustee keeps this secret on their own machine; never put it on the server.',
      electionId,
      group: group.name,
      trustee: k.trustee,
      threshold: opts.threshold,
      trustees: opts.trustees,
      secret: scalarToHex(k.secret),
      verificationKey: toHex(group.encode(k.verificationKey)),
    };
    const path = join(opts.shareDir, `DEMO-ONLY-trustee-${String(k.trustee)}-share.json`);
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    return path;
  });
  await publishKey(store, electionId, group, ceremony, opts, actor);
  return { publicKey: toHex(group.encode(pk)), shareFiles };
}

function publishedCeremony<P>(group: Group<P>, pubs: readonly dkg.DealerPublic<P>[], complaints: readonly dkg.Complaint[], qualified: readonly number[], pk: P, keys: readonly dkg.TrusteeKey<P>[]): PublishedCeremony {
  return {
    dealers: pubs.map((d) => ({
      dealer: d.dealer,
      commitments: d.commitments.map((c) => toHex(group.encode(c))),
      proof: { challenge: scalarToHex(d.proof.challenge), response: scalarToHex(d.proof.response) },
    })),
    complaints: complaints.map((c) => ({ by: c.by, against: c.against, revealed: c.revealed === undefined ? null : scalarToHex(c.revealed) })),
    key: {
      qualified: [...qualified],
      publicKey: toHex(group.encode(pk)),
      trustees: keys.map((k) => ({ trustee: k.trustee, verificationKey: toHex(group.encode(k.verificationKey)), proof: { challenge: scalarToHex(k.proof.challenge), response: scalarToHex(k.proof.response) } })),
    },
  };
}

async function publishKey<P>(store: Store, electionId: string, group: Group<P>, ceremony: PublishedCeremony, opts: CeremonyOptions, actor: CountingActor): Promise<void> {
  const layout = await electionLayout(store.db, electionId);
  await store.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('election_keys').select('election_id').where('election_id', '=', electionId).executeTakeFirst();
    if (existing !== undefined) throw new CountingError('counting.state', `election ${electionId} already has a key`);
    const key = ceremony.key as { publicKey: string };
    await trx
      .insertInto('election_keys')
      .values({ election_id: electionId, group_name: group.name, public_key: key.publicKey, threshold: opts.threshold, trustees: opts.trustees, ballot_width: ballotWidth(layout), layout: JSON.stringify(layout), ceremony: JSON.stringify(ceremony) })
      .execute();
    await appendAudit(trx, { actor: actor.id, action: 'keys.published', subject: electionId, details: { trustees: opts.trustees, threshold: opts.threshold, publicKey: key.publicKey } });
  });
}
