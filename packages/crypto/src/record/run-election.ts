/**
 * Runs a whole election offline and writes its record (Belenios-style demo): key ceremony,
 * casting with proofs, cancellations, anonymised group inputs, chained mix nodes, threshold
 * decryption with proofs, decoding and counts. Used by tests, `isoloir bench` and demos.
 * Each role's secrets stay in that role's local variables; only published values enter the record.
 */
import type { Group } from '../group/group.ts';
import type { Runner } from '../parallel/runner.ts';
import { RecordBuilder, type ElectionRecord, type RecordEntry } from './record-chain.ts';
import {
  checkShare,
  checkTrusteeKey,
  deal,
  electionPublicKey,
  qualifiedDealers,
  trusteeKey,
  type Complaint,
  type KeyCeremonyParams,
} from '../keygen/dkg.ts';
import {
  ballotWidth,
  decodeBallot,
  type BallotLayout,
  type DecodedBallot,
  type PlainBallot,
} from '../encoding/ballot-codec.ts';
import { shuffleAndProve, type EncodedCiphertext } from '../shuffle/shuffle-prove.ts';
import { combineBulk, partialDecryptBulk, verifyPartialDecryptionBulk } from '../decrypt/decrypt-bulk.ts';
import { extractEncoded } from '../encoding/extract-encoded.ts';
import { ballotJson, hex, partialDecryptionPayload, sc, shufflePayload } from './payloads.ts';
import type { Json } from './canonical-json.ts';
import { merkleRoot, sortedIds } from './merkle.ts';
import { legalCount } from './legal-count.ts';
import type {
  CancellationPayload,
  DefinitionPayload,
  LegalCounts,
  RecordCategory,
  RecordMode,
} from './record-types.ts';
import { chunkRanges } from '../parallel/runner.ts';
import { offlineCeremony } from './offline-ceremony.ts';
import { OfflineBoard } from './offline-board.ts';
import { keyFingerprint } from '../board/key-fingerprint.ts';
import { trackingCode } from '../board/tracking-code.ts';
import { partialSigningBody, shuffleSigningBody, SIGNING_LABELS } from '../ceremony/trustee-signing.ts';

export interface ElectionGroupInput {
  /** The counting segment `constituency/mode/category`. */
  readonly groupId: string;
  readonly ballots: readonly PlainBallot[];
  /** Voters (by index in `ballots`) who first cast another ballot, later superseded. */
  readonly revoters?: readonly number[];
  /** Voters (by index) who also signed a polling-station list: their remote ballot is cancelled. */
  readonly atStation?: readonly number[];
  /** Counted together with this other segment of the same constituency (a small group, PO decision). */
  readonly mergedInto?: string;
}

export interface PlannedBallot {
  groupId: string;
  constituency: string;
  voterId: string;
  ballotId: string;
  sequence: number;
  receivedAt: string;
  plain: PlainBallot;
}

/**
 * What the server publishes, before the ciphertexts exist: the roll, the ballots in receipt
 * order, the attendance lists, the cancellations and each counting group's input. A test may
 * change it (the `server` hook) to play a malicious server; the trustees then mix and decrypt
 * whatever input they are given, honestly.
 */
export interface CastPlan {
  rolls: { constituency: string; mode: RecordMode; category: RecordCategory; ids: string[] }[];
  ballots: PlannedBallot[];
  attendance: { station: string; ids: string[] }[];
  cancellations: CancellationPayload[];
  groups: { groupId: string; members: string[]; ballotIds: string[] }[];
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
  /** The election definition (default: every constituency of the groups with lists 1…maxListNumber, full lists). */
  readonly definition?: DefinitionPayload;
  /** A periodic board head every this many ballots (default 1000, as the server's clerk). */
  readonly boardEvery?: number;
  /** Test hook: a malicious server's changes to what it publishes (see CastPlan). */
  readonly server?: (plan: CastPlan) => void;
  /** Each entry as it is appended, not kept in the outcome's record (`isoloir bench record`: a record of any size). */
  readonly sink?: (entry: RecordEntry) => void;
}

export interface ElectionOutcome {
  readonly record: ElectionRecord;
  readonly counts: ReadonlyMap<string, LegalCounts>;
  /** Trustees whose partial decryption failed its proof (named, excluded). */
  readonly rejectedTrustees: readonly number[];
}

function segmentParts(groupId: string): { constituency: string; mode: RecordMode; category: RecordCategory } {
  const [constituency = '', mode = 'online', category = 'belgium'] = groupId.split('/');
  return {
    constituency,
    mode: mode === 'kiosk' ? 'kiosk' : 'online',
    category: category === 'abroad' ? 'abroad' : 'belgium',
  };
}

function defaultDefinition(layout: BallotLayout, groups: readonly ElectionGroupInput[]): DefinitionPayload {
  const codes = [...new Set(groups.map((g) => segmentParts(g.groupId).constituency))].sort();
  const names = (n: number, kind: string): string[] => Array.from({ length: n }, (_, i) => `${kind} ${String(i + 1)}`);
  return {
    anonymityMinimum: 10,
    constituencies: codes.map((code) => ({
      code,
      seats: 5,
      lists: Array.from({ length: layout.maxListNumber }, (_, i) => ({
        number: i + 1,
        name: `list ${String(i + 1)}`,
        effectives: names(layout.maxEffectives, 'effective'),
        substitutes: names(layout.maxSubstitutes, 'substitute'),
      })),
    })),
  };
}

/** The honest server's plan. */
function honestPlan(opts: ElectionOptions): CastPlan {
  const plan: CastPlan = { rolls: [], ballots: [], attendance: [], cancellations: [], groups: [] };
  const t0 = Date.UTC(2029, 5, 9, 6, 0, 0);
  let tick = 0;
  const at = (): string => new Date(t0 + 1000 * tick++).toISOString();
  const station: string[] = [];
  for (const g of opts.groups) {
    const seg = segmentParts(g.groupId);
    const voterIds = g.ballots.map((_, i) => `${g.groupId}/voter-${String(i)}`);
    plan.rolls.push({ ...seg, ids: sortedIds([...voterIds, `${g.groupId}/voter-absent`]) });
    g.ballots.forEach((plain, i) => {
      const voterId = voterIds[i] ?? '';
      let sequence = 1;
      if (g.revoters?.includes(i) === true) {
        const ballotId = `${g.groupId}/ballot-${String(i)}-first`;
        plan.ballots.push({
          groupId: g.groupId,
          constituency: seg.constituency,
          voterId,
          ballotId,
          sequence: sequence++,
          receivedAt: at(),
          plain: { kind: 'blank' },
        });
        plan.cancellations.push({
          groupId: g.groupId,
          ballotId,
          reason: 'superseded',
          evidence: { laterBallotId: `${g.groupId}/ballot-${String(i)}` },
        });
      }
      const ballotId = `${g.groupId}/ballot-${String(i)}`;
      plan.ballots.push({
        groupId: g.groupId,
        constituency: seg.constituency,
        voterId,
        ballotId,
        sequence,
        receivedAt: at(),
        plain,
      });
      if (g.atStation?.includes(i) === true) {
        station.push(voterId);
        plan.cancellations.push({
          groupId: g.groupId,
          ballotId,
          reason: 'voted-at-polling-station',
          evidence: { station: 'station-1' },
        });
      }
    });
  }
  plan.attendance.push({ station: 'station-1', ids: sortedIds(station) });
  const cancelled = new Set(plan.cancellations.map((c) => c.ballotId));
  for (const g of opts.groups.filter((x) => x.mergedInto === undefined)) {
    const members = [g.groupId, ...opts.groups.filter((x) => x.mergedInto === g.groupId).map((x) => x.groupId)];
    plan.groups.push({
      groupId: g.groupId,
      members,
      ballotIds: plan.ballots
        .filter((b) => members.includes(b.groupId) && !cancelled.has(b.ballotId))
        .map((b) => b.ballotId)
        .reverse(),
    });
  }
  return plan;
}

function constituencyOf(d: DefinitionPayload, groupId: string): DefinitionPayload['constituencies'][number] {
  const code = segmentParts(groupId).constituency;
  return d.constituencies.find((c) => c.code === code) ?? { code, seats: 0, lists: [] };
}

/** Voters' devices encrypt and prove a chunk of ballots; the server checks every proof (all cores). */
async function castChunk<P>(
  group: Group<P>,
  runner: Runner,
  opts: ElectionOptions,
  pk: P,
  planned: readonly PlannedBallot[],
): Promise<{ p: PlannedBallot; cts: Uint8Array[]; challenge: bigint; responses: readonly bigint[] }[]> {
  const pkBytes = group.encode(pk);
  const encrypted = (
    await runner.run(
      'encryptBallots',
      chunkRanges(planned.length, runner.parallelism).map(([lo, hi]) => ({
        pk: pkBytes,
        layout: opts.layout,
        ballots: planned.slice(lo, hi).map((p) => ({
          context: {
            electionId: opts.electionId,
            constituency: p.constituency,
            voterId: p.voterId,
            ballotId: p.ballotId,
          },
          plain: p.plain,
        })),
      })),
    )
  ).flat();
  const cast = planned.map((p, i) => {
    const e = encrypted[i];
    if (e === undefined) throw new Error('encryption: a ballot is missing');
    return { p, cts: e.ciphertexts, challenge: e.challenge, responses: e.responses };
  });
  const checks = await runner.run(
    'checkBallotProofs',
    chunkRanges(cast.length, runner.parallelism).map(([lo, hi]) => ({
      pk: pkBytes,
      ballots: cast.slice(lo, hi).map((c) => ({
        context: {
          electionId: opts.electionId,
          constituency: c.p.constituency,
          voterId: c.p.voterId,
          ballotId: c.p.ballotId,
        },
        ciphertexts: c.cts,
        challenge: c.challenge,
        responses: c.responses,
      })),
    })),
  );
  if (checks.flat().some((okay) => !okay)) throw new Error('a ballot proof failed at casting');
  return cast;
}

export async function runElection<P>(group: Group<P>, runner: Runner, opts: ElectionOptions): Promise<ElectionOutcome> {
  const rec = new RecordBuilder(opts.sink);
  const params: KeyCeremonyParams = { electionId: opts.electionId, threshold: opts.threshold, trustees: opts.trustees };
  rec.append('parameters', {
    electionId: opts.electionId,
    group: group.name,
    threshold: opts.threshold,
    trustees: opts.trustees,
    layout: { ...opts.layout },
    width: ballotWidth(opts.layout),
  });
  const definition = opts.definition ?? defaultDefinition(opts.layout, opts.groups);
  rec.append('election', definition as unknown as Json);
  const plan = honestPlan(opts);
  opts.server?.(plan);
  for (const r of plan.rolls)
    rec.append('roll', {
      ...r,
      voters: r.ids.length,
      root: merkleRoot(r.ids),
      ids: r.ids,
      publishedAt: new Date(Date.UTC(2029, 5, 1)).toISOString(),
    });
  // The voting periods around the ballots' receipt times: opened after the roll was published,
  // closed after the last ballot; the board's opening head before the first ballot.
  const first = Date.UTC(2029, 5, 9, 6);
  const last = plan.ballots.reduce((m, b) => {
    const t = Date.parse(b.receivedAt);
    return Number.isNaN(t) ? m : Math.max(m, t);
  }, first);
  const iso = (t: number): string => new Date(t).toISOString();
  for (const mode of [...new Set(plan.rolls.map((r) => r.mode))].sort()) {
    rec.append('period', {
      mode,
      opensAt: iso(first - 3600_000),
      closesAt: iso(last + 86_400_000),
      openedAt: iso(first - 1800_000),
      closedAt: iso(last + 60_000),
    });
  }

  // Key ceremony: every trustee deals on its own side; shares travel privately, encrypted to their
  // recipient, through the board; the board's signed transcript comes first, then what it decides.
  const dealt = Array.from({ length: opts.trustees }, (_, i) => deal(group, params, i + 1));
  const complaints: Complaint[] = [];
  for (const d of dealt) {
    for (let j = 1; j <= opts.trustees; j++) {
      const share = d.shares[j - 1] ?? 0n;
      if (!checkShare(group, d.published, j, share))
        complaints.push({ by: j, against: d.published.dealer, revealed: share });
    }
  }
  const pubs = dealt.map((d) => d.published);
  const qualified = qualifiedDealers(group, params, pubs, complaints);
  const pk = electionPublicKey(group, pubs, qualified);
  const keys = Array.from({ length: opts.trustees }, (_, i) =>
    trusteeKey(group, params, i + 1, new Map(dealt.map((d) => [d.published.dealer, d.shares[i] ?? 0n])), qualified),
  );
  for (const k of keys)
    if (!checkTrusteeKey(group, params, k.trustee, k.verificationKey, k.proof)) throw new Error('key proof');
  const { transcript, signers } = await offlineCeremony(group, params, dealt, complaints, keys, {
    qualified,
    publicKey: hex(group.encode(pk)),
  });
  rec.append('ceremony', transcript);
  for (const d of dealt) {
    rec.append('dealer', {
      dealer: d.published.dealer,
      commitments: d.published.commitments.map((c) => hex(group.encode(c))),
      proof: { challenge: sc(d.published.proof.challenge), response: sc(d.published.proof.response) },
    });
  }
  for (const c of complaints)
    rec.append('complaint', {
      by: c.by,
      against: c.against,
      revealed: c.revealed === undefined ? null : sc(c.revealed),
    });
  rec.append('key', {
    qualified,
    publicKey: hex(group.encode(pk)),
    trustees: keys.map((k) => ({
      trustee: k.trustee,
      verificationKey: hex(group.encode(k.verificationKey)),
      proof: { challenge: sc(k.proof.challenge), response: sc(k.proof.response) },
    })),
  });
  const pkBytes = group.encode(pk);

  // Casting: each voter's device encrypts and proves; the server checks every proof in bulk, a
  // chunk at a time (memory: the chunk, and each ballot's ciphertexts for its group's input).
  const ctsOf = new Map<string, Uint8Array[]>();
  const board = new OfflineBoard(opts.electionId, keyFingerprint(group.name, hex(pkBytes)) ?? '');
  rec.append('board-head', board.publish('opening', iso(first - 600_000)) as unknown as Json);
  const CHUNK = 4096;
  for (let lo = 0; lo < plan.ballots.length; lo += CHUNK) {
    const cast = await castChunk(group, runner, opts, pk, plan.ballots.slice(lo, lo + CHUNK));
    for (const c of cast) {
      ctsOf.set(c.p.ballotId, c.cts);
      const ballot = {
        groupId: c.p.groupId,
        constituency: c.p.constituency,
        voterId: c.p.voterId,
        ballotId: c.p.ballotId,
        sequence: c.p.sequence,
        receivedAt: c.p.receivedAt,
        ciphertexts: c.cts.map(hex),
        proof: { challenge: sc(c.challenge), responses: c.responses.map(sc) },
      };
      rec.append('ballot', ballot);
      board.accept(
        trackingCode({
          electionId: opts.electionId,
          constituency: ballot.constituency,
          ciphertexts: ballot.ciphertexts,
          proof: ballot.proof,
        }),
      );
      if (board.pending >= (opts.boardEvery ?? 1000))
        rec.append('board-head', board.publish('periodic', c.p.receivedAt) as unknown as Json);
    }
  }
  rec.append('board-head', board.publish('closing', iso(last + 60_000)) as unknown as Json);
  for (const a of plan.attendance)
    rec.append('attendance', {
      station: a.station,
      sha256: '00'.repeat(32),
      voters: a.ids.length,
      root: merkleRoot(a.ids),
      ids: a.ids,
    });
  for (const c of plan.cancellations) rec.append('cancellation', c);

  // Counting: anonymised inputs, chained mix nodes, threshold decryption, decoding, sums.
  const countsByGroup = new Map<string, LegalCounts>();
  const rejected = new Set<number>();
  for (const g of plan.groups) {
    let current: EncodedCiphertext[] = g.ballotIds.map((id) => ctsOf.get(id) ?? []);
    rec.append('group-input', {
      groupId: g.groupId,
      members: g.members,
      ciphertexts: current.map((ct) => ct.map(hex)),
    });
    if (current.length === 0) {
      const counts = legalCount(constituencyOf(definition, g.groupId), []);
      countsByGroup.set(g.groupId, counts);
      rec.append('counts', { groupId: g.groupId, counts: counts as unknown as Json });
      continue;
    }
    for (let node = 1; node <= opts.mixNodes; node++) {
      const { outputs, proof } = await shuffleAndProve(
        group,
        runner,
        { electionId: opts.electionId, groupId: g.groupId, mixNode: node },
        pkBytes,
        current,
      );
      // Mix node i is trustee i's, signed with the key it registered at the ceremony.
      const payload = shufflePayload(g.groupId, node, outputs, proof) as { readonly [key: string]: Json };
      const signature =
        signers.get(node)?.sign(
          SIGNING_LABELS.shuffle,
          shuffleSigningBody({
            electionId: opts.electionId,
            groupId: g.groupId,
            mixNode: node,
            trustee: node,
            outputs,
            proof: payload['proof'],
          }),
        ) ?? null;
      rec.append('shuffle', { ...payload, signature });
      current = outputs;
    }
    const ctx = { electionId: opts.electionId, groupId: g.groupId };
    const partials = [];
    for (const j of opts.decryptingTrustees) {
      const key = keys[j - 1];
      if (key === undefined) continue;
      let pd = await partialDecryptBulk(group, runner, ctx, j, key.secret, current);
      if (opts.cheatingTrustee === j) {
        const bad = pd.shares.map((row, i) =>
          i === 0 ? row.map((d) => group.encode(group.add(group.decode(d) ?? group.identity, group.generator))) : row,
        );
        pd = { ...pd, shares: bad };
      }
      const payload = partialDecryptionPayload(g.groupId, pd) as { readonly [key: string]: Json };
      const signature =
        signers.get(j)?.sign(
          SIGNING_LABELS.partial,
          partialSigningBody({
            electionId: opts.electionId,
            groupId: g.groupId,
            trustee: j,
            shares: pd.shares,
            proof: payload['proof'],
          }),
        ) ?? null;
      rec.append('partial-decryption', { ...payload, signature });
      if (await verifyPartialDecryptionBulk(group, runner, ctx, key.verificationKey, current, pd)) partials.push(pd);
      else rejected.add(j);
    }
    const combined = await combineBulk(group, runner, opts.threshold, current, partials);
    if (!combined.ok) throw new Error(`decryption of ${g.groupId}: ${combined.error}`);
    const decoded: DecodedBallot[] = combined.value.map((row) =>
      decodeBallot(
        opts.layout,
        row.map((m) => extractEncoded(group.name, m)),
      ),
    );
    rec.append('decryption', {
      groupId: g.groupId,
      trustees: partials.slice(0, opts.threshold).map((p) => p.trustee),
      plaintexts: combined.value.map((row) => row.map(hex)),
      ballots: decoded.map(ballotJson),
    });
    const counts = legalCount(constituencyOf(definition, g.groupId), decoded);
    countsByGroup.set(g.groupId, counts);
    rec.append('counts', { groupId: g.groupId, counts: counts as unknown as Json });
  }
  return { record: rec.build(), counts: countsByGroup, rejectedTrustees: [...rejected] };
}
