/**
 * Runs a whole election offline and writes its record (Belenios-style demo): key ceremony,
 * casting with proofs, cancellations, anonymised group inputs, chained mix nodes, threshold
 * decryption with proofs, decoding and counts. Used by tests, `isoloir bench` and demos.
 * Each role's secrets stay in that role's local variables; only published values enter the record.
 */
import type { Group } from '../group/group.ts';
import type { Runner } from '../parallel/runner.ts';
import { RecordBuilder, type ElectionRecord } from './record-chain.ts';
import { checkShare, checkTrusteeKey, deal, electionPublicKey, qualifiedDealers, trusteeKey, type Complaint, type KeyCeremonyParams } from '../keygen/dkg.ts';
import { ballotWidth, decodeBallot, type BallotLayout, type DecodedBallot, type PlainBallot } from '../encoding/ballot-codec.ts';
import { encryptBallot } from '../ballot/encrypt-ballot.ts';
import { shuffleAndProve, type EncodedCiphertext } from '../shuffle/shuffle-prove.ts';
import { combineBulk, partialDecryptBulk, verifyPartialDecryptionBulk } from '../decrypt/decrypt-bulk.ts';
import { extractEncoded } from '../encoding/extract-encoded.ts';
import { countBallots, type Counts } from './count-ballots.ts';
import { ballotJson, countsJson, hex, partialDecryptionPayload, sc, shufflePayload } from './payloads.ts';
import { chunkRanges } from '../parallel/runner.ts';

export interface ElectionGroupInput {
  readonly groupId: string;
  readonly ballots: readonly PlainBallot[];
  /** Voters (by index in `ballots`) who first cast another ballot, later superseded. */
  readonly revoters?: readonly number[];
}

export interface ElectionOptions {
  readonly electionId: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly layout: BallotLayout;
  readonly groups: readonly ElectionGroupInput[];
  readonly mixNodes: number;
  /** Trustees (1-based) who take part in decryption. */
  readonly decryptingTrustees: readonly number[];
  /** Test hook: this trustee publishes a wrong share for ciphertext 0. */
  readonly cheatingTrustee?: number;
}

export interface ElectionOutcome {
  readonly record: ElectionRecord;
  readonly counts: ReadonlyMap<string, Counts>;
  /** Trustees whose partial decryption failed its proof (named, excluded). */
  readonly rejectedTrustees: readonly number[];
}

function encodeCt<P>(group: Group<P>, cts: readonly { a: P; b: P }[]): Uint8Array[] {
  return cts.flatMap((c) => [group.encode(c.a), group.encode(c.b)]);
}

export async function runElection<P>(group: Group<P>, runner: Runner, opts: ElectionOptions): Promise<ElectionOutcome> {
  const rec = new RecordBuilder();
  const params: KeyCeremonyParams = { electionId: opts.electionId, threshold: opts.threshold, trustees: opts.trustees };
  rec.append('parameters', {
    electionId: opts.electionId,
    group: group.name,
    threshold: opts.threshold,
    trustees: opts.trustees,
    layout: { ...opts.layout },
    width: ballotWidth(opts.layout),
    groups: opts.groups.map((g) => g.groupId),
  });

  // Key ceremony: every trustee deals on its own side; shares travel privately.
  const dealt = Array.from({ length: opts.trustees }, (_, i) => deal(group, params, i + 1));
  for (const d of dealt) {
    rec.append('dealer', {
      dealer: d.published.dealer,
      commitments: d.published.commitments.map((c) => hex(group.encode(c))),
      proof: { challenge: sc(d.published.proof.challenge), response: sc(d.published.proof.response) },
    });
  }
  const complaints: Complaint[] = [];
  for (const d of dealt) {
    for (let j = 1; j <= opts.trustees; j++) {
      const share = d.shares[j - 1] ?? 0n;
      if (!checkShare(group, d.published, j, share)) complaints.push({ by: j, against: d.published.dealer, revealed: share });
    }
  }
  for (const c of complaints) rec.append('complaint', { by: c.by, against: c.against, revealed: c.revealed === undefined ? null : sc(c.revealed) });
  const pubs = dealt.map((d) => d.published);
  const qualified = qualifiedDealers(group, params, pubs, complaints);
  const pk = electionPublicKey(group, pubs, qualified);
  const keys = Array.from({ length: opts.trustees }, (_, i) =>
    trusteeKey(group, params, i + 1, new Map(dealt.map((d) => [d.published.dealer, d.shares[i] ?? 0n])), qualified),
  );
  for (const k of keys) if (!checkTrusteeKey(group, params, k.trustee, k.verificationKey, k.proof)) throw new Error('key proof');
  rec.append('key', {
    qualified,
    publicKey: hex(group.encode(pk)),
    trustees: keys.map((k) => ({ trustee: k.trustee, verificationKey: hex(group.encode(k.verificationKey)), proof: { challenge: sc(k.proof.challenge), response: sc(k.proof.response) } })),
  });
  const pkBytes = group.encode(pk);

  // Casting: each voter's device encrypts and proves; the server checks every proof in bulk.
  const counted = new Map<string, EncodedCiphertext[]>();
  for (const g of opts.groups) {
    const cast: { voterId: string; ballotId: string; cts: Uint8Array[]; challenge: bigint; responses: readonly bigint[] }[] = [];
    const superseded: string[] = [];
    g.ballots.forEach((plain, i) => {
      const voterId = `${g.groupId}/voter-${String(i)}`;
      if (g.revoters?.includes(i) === true) {
        const ballotId = `${g.groupId}/ballot-${String(i)}-first`;
        const first = encryptBallot(group, pk, opts.layout, { electionId: opts.electionId, voterId, ballotId }, { kind: 'blank' });
        cast.push({ voterId, ballotId, cts: encodeCt(group, first.ballot.ciphertexts), challenge: first.ballot.proof.challenge, responses: first.ballot.proof.responses });
        superseded.push(ballotId);
      }
      const ballotId = `${g.groupId}/ballot-${String(i)}`;
      const { ballot } = encryptBallot(group, pk, opts.layout, { electionId: opts.electionId, voterId, ballotId }, plain);
      cast.push({ voterId, ballotId, cts: encodeCt(group, ballot.ciphertexts), challenge: ballot.proof.challenge, responses: ballot.proof.responses });
    });
    const checks = await runner.run(
      'checkBallotProofs',
      chunkRanges(cast.length, runner.parallelism).map(([lo, hi]) => ({
        pk: pkBytes,
        ballots: cast.slice(lo, hi).map((c) => ({ context: { electionId: opts.electionId, voterId: c.voterId, ballotId: c.ballotId }, ciphertexts: c.cts, challenge: c.challenge, responses: c.responses })),
      })),
    );
    if (checks.flat().some((okay) => !okay)) throw new Error('a ballot proof failed at casting');
    for (const c of cast) {
      rec.append('ballot', { groupId: g.groupId, voterId: c.voterId, ballotId: c.ballotId, ciphertexts: c.cts.map(hex), proof: { challenge: sc(c.challenge), responses: c.responses.map(sc) } });
    }
    for (const ballotId of superseded) rec.append('cancellation', { groupId: g.groupId, ballotId, reason: 'superseded' });
    counted.set(g.groupId, cast.filter((c) => !superseded.includes(c.ballotId)).map((c) => c.cts));
  }

  // Counting: anonymised inputs, chained mix nodes, threshold decryption, decoding, sums.
  const countsByGroup = new Map<string, Counts>();
  const rejected = new Set<number>();
  for (const g of opts.groups) {
    let current = counted.get(g.groupId) ?? [];
    rec.append('group-input', { groupId: g.groupId, ciphertexts: current.map((ct) => ct.map(hex)) });
    for (let node = 1; node <= opts.mixNodes; node++) {
      const { outputs, proof } = await shuffleAndProve(group, runner, { electionId: opts.electionId, groupId: g.groupId, mixNode: node }, pkBytes, current);
      rec.append('shuffle', shufflePayload(g.groupId, node, outputs, proof));
      current = outputs;
    }
    const ctx = { electionId: opts.electionId, groupId: g.groupId };
    const partials = [];
    for (const j of opts.decryptingTrustees) {
      const key = keys[j - 1];
      if (key === undefined) continue;
      let pd = await partialDecryptBulk(group, runner, ctx, j, key.secret, current);
      if (opts.cheatingTrustee === j) {
        const bad = pd.shares.map((row, i) => (i === 0 ? row.map((d) => group.encode(group.add(group.decode(d) ?? group.identity, group.generator))) : row));
        pd = { ...pd, shares: bad };
      }
      rec.append('partial-decryption', partialDecryptionPayload(g.groupId, pd));
      if (await verifyPartialDecryptionBulk(group, runner, ctx, key.verificationKey, current, pd)) partials.push(pd);
      else rejected.add(j);
    }
    const combined = await combineBulk(group, runner, opts.threshold, current, partials);
    if (!combined.ok) throw new Error(`decryption of ${g.groupId}: ${combined.error}`);
    const decoded: DecodedBallot[] = combined.value.map((row) => decodeBallot(opts.layout, row.map((m) => extractEncoded(group.name, m))));
    rec.append('decryption', {
      groupId: g.groupId,
      trustees: partials.slice(0, opts.threshold).map((p) => p.trustee),
      plaintexts: combined.value.map((row) => row.map(hex)),
      ballots: decoded.map(ballotJson),
    });
    const counts = countBallots(opts.layout, decoded);
    countsByGroup.set(g.groupId, counts);
    rec.append('counts', { groupId: g.groupId, counts: countsJson(counts) });
  }
  return { record: rec.build(), counts: countsByGroup, rejectedTrustees: [...rejected] };
}
