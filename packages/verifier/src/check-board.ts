/**
 * Time and the anchored bulletin board (PROTOCOL.md §8, §9): the voting periods (`period`), the
 * board's signed heads (`board-head`, interleaved with the ballots they cover) and what they say
 * about when things happened. Checked here:
 * - every ballot is received inside its mode's period as the PO opened and closed it (`period`);
 * - the roll commitment of a mode was published before that mode's period opened and before its
 *   first ballot (`roll-timing`): a roll made up after the voting could list the server's choice;
 * - the board's opening head published the election key's fingerprint before the first ballot, each
 *   head chains to the previous one, adds up, covers only ballots of this record and is signed by
 *   the board's key; once the closing head is read no ballot follows, and every ballot is on a head
 *   (`board`). A voter's receipt names one of these heads: a record that drops or changes a ballot a
 *   head covers fails here.
 */
import { createHash } from 'node:crypto';
import {
  boardHeadHash,
  bytesToHex,
  keyFingerprint,
  trackingCode,
  verifyHeadSignature,
  type BoardHeadKind,
} from '@isoloir/crypto';
import { ensure, fail } from './failure.ts';
import type { State } from './state.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function isIsoTime(v: string): boolean {
  return ISO.test(v) && !Number.isNaN(Date.parse(v));
}

const at = (iso: string): number => Date.parse(iso);

interface PeriodPayload {
  mode: string;
  opensAt: string | null;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
}

export function checkPeriod<P>(s: State<P>, payload: unknown, loc: string): void {
  const p = payload as PeriodPayload;
  const where = `${loc} (mode ${p.mode})`;
  ensure(!s.periods.has(p.mode), 'period', where, 'period stated twice');
  for (const t of [p.opensAt, p.closesAt, p.openedAt, p.closedAt])
    ensure(t === null || isIsoTime(t), 'period', where, `${String(t)} is not an ISO 8601 UTC time`);
  ensure(
    p.openedAt === null || p.closedAt === null || at(p.openedAt) <= at(p.closedAt),
    'period',
    where,
    'closed before it was opened',
  );
  ensure(
    p.opensAt === null || p.closesAt === null || at(p.opensAt) < at(p.closesAt),
    'period',
    where,
    'the window closes before it opens',
  );
  s.periods.set(p.mode, { opensAt: p.opensAt, closesAt: p.closesAt, openedAt: p.openedAt, closedAt: p.closedAt });
}

/** Before a ballot is read: its mode's period, its roll's publication (first ballot of the mode), the board's opening head. */
export function checkBallotTime<P>(s: State<P>, payload: unknown, loc: string): void {
  const b = payload as { groupId: string; ballotId: string; receivedAt: string };
  const segment = s.segments.get(b.groupId);
  if (segment === undefined || !isIsoTime(b.receivedAt)) return; // eligibility and sequence fail it (check-ballots.ts)
  const where = `${loc} (ballot ${b.ballotId})`;
  const mode = segment.mode;
  const t = at(b.receivedAt);
  const period = s.periods.get(mode);
  if (period === undefined || period.openedAt === null)
    fail('period', where, `a ${mode} ballot, but the record states no opening of the ${mode} voting period`);
  const openedAt = period.openedAt;
  ensure(
    t >= at(openedAt),
    'period',
    where,
    `received at ${b.receivedAt}, before the ${mode} period was opened (${openedAt})`,
  );
  ensure(
    period.closedAt === null || t <= at(period.closedAt),
    'period',
    where,
    `received at ${b.receivedAt}, after the ${mode} period was closed (${period.closedAt ?? ''})`,
  );
  // The setup's window (the dates on the letters, PROTOCOL.md §8): the ballot box takes no ballot
  // before it opens nor once it has closed, whatever the PO's acts (apps/server/src/voting/period.ts).
  ensure(
    period.opensAt === null || t >= at(period.opensAt),
    'period',
    where,
    `received at ${b.receivedAt}, before the setup's ${mode} window opened (${period.opensAt ?? ''})`,
  );
  ensure(
    period.closesAt === null || t < at(period.closesAt),
    'period',
    where,
    `received at ${b.receivedAt}, once the setup's ${mode} window had closed (${period.closesAt ?? ''})`,
  );

  if (!s.board.modesStarted.has(mode)) {
    s.board.modesStarted.add(mode);
    for (const [id, seg] of s.segments) {
      if (seg.mode !== mode) continue;
      ensure(
        at(seg.publishedAt) <= at(openedAt),
        'roll-timing',
        `roll of ${id}`,
        `published at ${seg.publishedAt}, after the ${mode} voting period opened (${openedAt})`,
      );
      ensure(
        at(seg.publishedAt) <= t,
        'roll-timing',
        `roll of ${id}`,
        `published at ${seg.publishedAt}, after the first ${mode} ballot (${b.ballotId}, ${b.receivedAt})`,
      );
    }
  }
  const opening = s.board.heads[0];
  if (opening === undefined)
    fail('board', where, 'a ballot before the board’s opening head published the election key’s fingerprint');
  ensure(
    at(opening.publishedAt) <= t,
    'board',
    where,
    `received at ${b.receivedAt}, before the opening head published the key’s fingerprint (${opening.publishedAt})`,
  );
  ensure(s.board.heads.at(-1)?.kind !== 'closing', 'board', where, 'a ballot after the board’s closing head');
}

/** After a ballot is checked: its tracking code (PROTOCOL.md §9), which a board head must cover. */
export function noteBallot<P>(s: State<P>, payload: unknown): void {
  const b = payload as {
    constituency: string;
    ballotId: string;
    ciphertexts: string[];
    proof: { challenge: string; responses: string[] };
  };
  s.board.codes.set(
    trackingCode({
      electionId: s.electionId,
      constituency: b.constituency,
      ciphertexts: b.ciphertexts,
      proof: b.proof,
    }),
    b.ballotId,
  );
}

interface HeadPayload {
  seq: number;
  kind: BoardHeadKind;
  previous: string;
  publishedAt: string;
  keyFingerprint: string;
  total: number;
  trackingCodes: string[];
  hash: string;
  keyId: string;
  signingKey: string;
  signature: string;
}

/** The board's key id: hex of the first 8 bytes of SHA-256 of the raw public key (as on receipts). */
const keyIdOf = (publicHex: string): string =>
  createHash('sha256').update(Buffer.from(publicHex, 'hex')).digest('hex').slice(0, 16);

export function checkBoardHead<P>(s: State<P>, payload: unknown, loc: string): void {
  const h = payload as HeadPayload;
  const where = `${loc} (board head #${String(h.seq)}, ${h.kind})`;
  const board = s.board;
  const last = board.heads.at(-1);
  ensure(
    h.seq === (last === undefined ? 0 : last.seq + 1),
    'board',
    where,
    `heads out of order (expected #${String(last === undefined ? 0 : last.seq + 1)})`,
  );
  ensure((h.seq === 0) === (h.kind === 'opening'), 'board', where, 'the first head, and only it, is the opening head');
  ensure(last?.kind !== 'closing', 'board', where, 'a head after the closing head');
  ensure(h.previous === (last?.hash ?? ''), 'board', where, 'does not chain to the previous head');
  ensure(
    isIsoTime(h.publishedAt) && (last === undefined || at(last.publishedAt) <= at(h.publishedAt)),
    'board',
    where,
    'publication time missing, or earlier than the previous head’s',
  );
  const pk = s.pk;
  if (pk === undefined) fail('order', where, 'board head before the election key');
  const fingerprint = keyFingerprint(s.group.name, bytesToHex(s.group.encode(pk)));
  ensure(
    h.keyFingerprint === fingerprint,
    'board',
    where,
    `publishes the key fingerprint ${h.keyFingerprint}, not the election key’s (${fingerprint ?? ''})`,
  );
  ensure(h.total === (last?.total ?? 0) + h.trackingCodes.length, 'board', where, 'running total does not add up');
  // Whether each code is a ballot of this record is checked once every entry is read (checkBoardComplete).
  for (const code of h.trackingCodes) {
    ensure(!board.covered.has(code), 'board', where, `covers tracking code ${code} a second time`);
    board.covered.set(code, h.seq);
  }
  const hash = boardHeadHash({
    electionId: s.electionId,
    seq: h.seq,
    kind: h.kind,
    previous: h.previous,
    publishedAt: h.publishedAt,
    keyFingerprint: h.keyFingerprint,
    total: h.total,
    trackingCodes: h.trackingCodes,
  });
  ensure(hash === h.hash, 'board', where, 'hash does not match its content');
  ensure(keyIdOf(h.signingKey) === h.keyId, 'board', where, 'key id is not the signing key’s');
  ensure(
    board.pinnedKey === undefined || board.pinnedKey === h.signingKey,
    'board',
    where,
    `signed by key ${h.keyId}, not by the board key published outside the record`,
  );
  ensure(
    board.signingKey === undefined || board.signingKey === h.signingKey,
    'board',
    where,
    'signed by another key than the earlier heads',
  );
  ensure(
    verifyHeadSignature(h.signingKey, {
      electionId: s.electionId,
      seq: h.seq,
      kind: h.kind,
      hash: h.hash,
      keyId: h.keyId,
      signature: h.signature,
    }),
    'board',
    where,
    'signature does not verify with the board’s key',
  );
  board.signingKey = h.signingKey;
  board.heads.push({
    seq: h.seq,
    kind: h.kind,
    hash: h.hash,
    publishedAt: h.publishedAt,
    total: h.total,
    keyId: h.keyId,
  });
}

/**
 * Once every ballot and head is read: every ballot a head covers is a ballot of this record (a record that
 * dropped or changed a ballot after the board published it does not extend the board), the board
 * was closed, and every ballot is on one of its heads.
 */
export function checkBoardComplete<P>(s: State<P>): void {
  const board = s.board;
  board.complete = true;
  for (const [code, seq] of board.covered)
    ensure(
      board.codes.has(code),
      'board',
      `board head #${String(seq)}`,
      `covers tracking code ${code}, which is no ballot of this record (dropped or changed after the board published it)`,
    );
  if (board.codes.size === 0 && board.heads.length === 0) return;
  ensure(
    board.heads.at(-1)?.kind === 'closing',
    'board',
    'board',
    'the board has no closing head: what was accepted by the end of voting is not anchored',
  );
  for (const [code, ballot] of board.codes)
    ensure(
      board.covered.has(code),
      'board',
      `ballot ${ballot}`,
      `tracking code ${code} is on no board head (added after the board closed, or never published)`,
    );
}
