// Issue 20 acceptance: the Python verifier (written from PROTOCOL.md alone) and `isoloir verify`'s
// verifier give the same verdict and name the same check, on an honest record and on one tampered
// record per check. One small election is run in-process; each case is a re-chained edit of it (a
// forger) verified by @isoloir/verifier in-process and by `python3 verify.py` in one child process.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  inlineRunner,
  loadGroup,
  merkleRoot,
  rechain,
  runElection,
  type DefinitionPayload,
  type ElectionRecord,
  type Json,
  type PlainBallot,
  type RecordEntry,
} from '@isoloir/crypto';
import { verifyRecord, type PvFile } from '@isoloir/verifier';
import { hybridCases } from './hybrid-cases.ts';
import { linkedCases } from './linked-cases.ts';
import { electronicPvs } from '@isoloir/verifier/linked-fixture';

const VERIFY_PY = fileURLToPath(new URL('./verify.py', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;
// CI installs python3 (.ci/run); elsewhere the test is skipped without it, as the browser tests without Chromium.
const skip = !hasPython && process.env['CI'] === undefined ? 'python3 is not installed' : false;

type Payload = Record<string, Json>;
type Editable = { format: string; entries: RecordEntry[] };

const layout = { maxListNumber: 6, maxEffectives: 8, maxSubstitutes: 4 };
const names = (n: number, kind: string): string[] => Array.from({ length: n }, (_, i) => `${kind} ${String(i + 1)}`);
const definition: DefinitionPayload = {
  anonymityMinimum: 10,
  constituencies: ['brussels', 'gent', 'leuven'].map((code) => ({
    code,
    seats: 4,
    lists: [1, 2, 3, 4, 5].map((number) => ({
      number,
      name: `list ${String(number)}`,
      effectives: names(6, 'effective'),
      substitutes: names(3, 'substitute'),
    })),
  })),
};

/** n ballots: lists 1–6 (6 is on no ballot: invalid), candidates up to 8 (7–8 on no list: invalid), blanks. */
function votes(n: number, seed: number): PlainBallot[] {
  let x = seed;
  const next = (m: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % m;
  };
  return Array.from({ length: n }, (): PlainBallot => {
    if (next(8) === 0) return { kind: 'blank' };
    return {
      kind: 'list',
      list: 1 + next(6),
      headBox: next(3) === 0,
      effectives: next(2) === 0 ? [...new Set([1 + next(8), 1 + next(8)])].sort((a, b) => a - b) : [],
      substitutes: next(4) === 0 ? [1 + next(3)] : [],
    };
  });
}

const BRUSSELS = 'brussels/online/belgium';
const b = (i: number): string => `${BRUSSELS}/ballot-${String(i)}`;
const v = (i: number): string => `${BRUSSELS}/voter-${String(i)}`;

const group = await loadGroup('secp256k1');
const { record } = await runElection(group, inlineRunner(group), {
  electionId: 'BE-2029-chamber',
  threshold: 2,
  trustees: 3,
  layout,
  definition,
  groups: [
    { groupId: BRUSSELS, ballots: votes(12, 1), revoters: [3, 9], atStation: [5, 9] },
    { groupId: 'leuven/online/abroad', ballots: votes(8, 2) },
    { groupId: 'leuven/online/belgium', ballots: votes(3, 3), mergedInto: 'leuven/online/abroad' },
    { groupId: 'leuven/kiosk/belgium', ballots: [] },
    { groupId: 'gent/online/belgium', ballots: votes(3, 4) },
  ],
  mixNodes: 2,
  decryptingTrustees: [1, 3],
  boardEvery: 8,
});

const payload = (e: RecordEntry): Payload => e.payload as Payload;
const text = (j: Json | undefined): string => (typeof j === 'string' ? j : '');
const copy = (): Editable => JSON.parse(JSON.stringify(record)) as Editable;

/** The forger: edits the entries, then recomputes every hash and link. */
function forge(edit: (entries: RecordEntry[]) => RecordEntry[]): ElectionRecord {
  const c = copy();
  return rechain({ format: c.format, entries: edit(c.entries) });
}

/** Edits the payload of the first entry that matches. */
function forgeOne(match: (e: RecordEntry) => boolean, edit: (p: Payload) => void): ElectionRecord {
  return forge((es) => {
    const e = es.find(match);
    assert.ok(e !== undefined, 'no entry to tamper with');
    edit(payload(e));
    return es;
  });
}

const of =
  (type: string, f: (p: Payload) => boolean = () => true) =>
  (e: RecordEntry) =>
    e.type === type && f(payload(e));
const ballotOf = (id: string) => of('ballot', (p) => p['ballotId'] === id);
const groupIdIs = (g: string) => (p: Payload) => p['groupId'] === g;
const without = (match: (e: RecordEntry) => boolean): ElectionRecord => forge((es) => es.filter((e) => !match(e)));
const rows = (j: Json | undefined): Json[][] => (Array.isArray(j) ? (j as Json[][]) : []);
const list = (j: Json | undefined): Json[] => (Array.isArray(j) ? (j as Json[]) : []);
const COUNTING = new Set(['group-input', 'shuffle', 'partial-decryption', 'decryption', 'counts']);

/** The record as a server withholding `constituency` would write it (its counting replaced by a `withheld` entry). */
function withholding(constituency: string): ElectionRecord {
  return forge((es) => {
    const mine = (e: RecordEntry): boolean => text(payload(e)['groupId']).startsWith(`${constituency}/`);
    const cancelled = new Set(es.filter((e) => e.type === 'cancellation').map((e) => text(payload(e)['ballotId'])));
    const ballots = es.filter((e) => e.type === 'ballot' && mine(e)).map(payload);
    const members = [...new Set(ballots.map((x) => text(x['groupId'])))].sort();
    const toCount = ballots
      .map((x) => text(x['ballotId']))
      .filter((id) => !cancelled.has(id))
      .sort();
    const claim: Payload = {
      groupId: members[0] ?? '',
      constituency,
      members,
      size: toCount.length,
      minimum: 10,
      reason: 'below-minimum-anonymity-set',
      ballots: toCount,
    };
    const first = es.findIndex((e) => COUNTING.has(e.type) && mine(e));
    const kept = es.filter((e, i) => i < first || !(COUNTING.has(e.type) && mine(e)));
    kept.splice(first, 0, { seq: 0, type: 'withheld', parent: '', hash: '', payload: claim });
    return kept;
  });
}

interface Case {
  readonly name: string;
  /** The check both verifiers must name, 'ok', or 'any failure' (both must then name the same check). */
  readonly expected: string;
  readonly record: unknown;
  readonly head?: string;
  readonly boardKey?: string;
  readonly pvs?: readonly PvFile[];
  /** Linked elections' records (`--linked`). */
  readonly linked?: readonly { readonly name: string; readonly record: unknown }[];
}

const entries = record.entries;
const hashOf = (match: (e: RecordEntry) => boolean): string => entries.find(match)?.hash ?? '';
const firstBoardKey = text(payload(entries.find(of('board-head')) ?? (entries[0] as RecordEntry))['signingKey']);
const periodic = entries.find(of('board-head', (p) => p['kind'] === 'periodic'));
const honestPvs = electronicPvs(record, definition, 'BE-2029-chamber');
const withheldGent = withholding('gent');

/** Voter 3 re-voted: its later ballot cancelled as if voted at a station (voter added to the list), the first one counted. */
function revoteUndone(): ElectionRecord {
  return forge((es) =>
    es.map((e): RecordEntry => {
      const p = payload(e);
      if (e.type === 'attendance') {
        const ids = [...list(p['ids']).map(text), v(3)].sort();
        const changed: Payload = { ...p, ids, voters: ids.length, root: merkleRoot(ids) };
        return { ...e, payload: changed };
      }
      if (e.type === 'cancellation' && p['ballotId'] === `${b(3)}-first`)
        return {
          ...e,
          payload: {
            groupId: BRUSSELS,
            ballotId: b(3),
            reason: 'voted-at-polling-station',
            evidence: { station: 'station-1' },
          },
        };
      return e;
    }),
  );
}

const cases: Case[] = [
  { name: 'the honest record', expected: 'ok', record },
  { name: 'the honest record, its final head published', expected: 'ok', record, head: entries.at(-1)?.hash ?? '' },
  {
    name: 'the honest record, a periodic board head published',
    expected: 'ok',
    record,
    head: text(periodic === undefined ? undefined : payload(periodic)['hash']),
  },
  { name: 'the honest record, board key pinned', expected: 'ok', record, boardKey: firstBoardKey },
  { name: 'the honest record with its PVs', expected: 'ok', record, pvs: honestPvs },
  { name: 'a true withheld claim (gent, 3 ballots)', expected: 'ok', record: withheldGent },
  { name: 'another record format', expected: 'format', record: { ...copy(), format: 'isoloir-record/1' } },
  {
    name: 'an unknown entry type',
    expected: 'format',
    record: forge((es) => [
      ...es.slice(0, 2),
      { seq: 0, type: 'note', parent: '', hash: '', payload: {} },
      ...es.slice(2),
    ]),
  },
  {
    name: 'a scalar not reduced',
    expected: 'format',
    record: forgeOne(of('key'), (p) => {
      ((list(p['trustees'])[0] as Payload)['proof'] as Payload)['response'] = 'f'.repeat(64);
    }),
  },
  {
    name: 'an unknown field in a ballot',
    expected: 'schema',
    record: forgeOne(ballotOf(b(2)), (p) => void (p['note'] = 'x')),
  },
  {
    name: 'a negative count',
    expected: 'schema',
    record: forgeOne(of('counts'), (p) => void ((p['counts'] as Payload)['invalid'] = -1)),
  },
  {
    name: 'a cancellation reason not in the protocol',
    expected: 'schema',
    record: forgeOne(of('cancellation'), (p) => void (p['reason'] = 'administrative')),
  },
  {
    name: 'a payload changed without re-chaining',
    expected: 'chain',
    record: (() => {
      const c = copy();
      const e = c.entries.find(of('counts'));
      assert.ok(e !== undefined);
      (payload(e)['counts'] as Payload)['blank'] = 99;
      return c;
    })(),
  },
  { name: 'a published head that is an earlier entry', expected: 'head', record, head: hashOf(of('key')) },
  {
    name: 'a second key entry',
    expected: 'order',
    record: forge((es) => {
      const k = es.findIndex(of('key'));
      return [...es.slice(0, k + 1), es[k] as RecordEntry, ...es.slice(k + 1)];
    }),
  },
  {
    name: 'a complaint after the key',
    expected: 'order',
    record: forge((es) => {
      const k = es.findIndex(of('key'));
      const complaint = {
        seq: 0,
        type: 'complaint',
        parent: '',
        hash: '',
        payload: { by: 1, against: 2, revealed: null },
      };
      return [...es.slice(0, k + 1), complaint, ...es.slice(k + 1)];
    }),
  },
  { name: 'no ceremony transcript', expected: 'ceremony', record: without(of('ceremony')) },
  {
    name: 'a ceremony post not signed by its trustee',
    expected: 'ceremony',
    record: forgeOne(of('ceremony'), (p) => {
      const post = list(p['posts'])[1] as Payload;
      post['signature'] =
        `${text(post['signature']).slice(0, 127)}${text(post['signature']).endsWith('0') ? '1' : '0'}`;
    }),
  },
  { name: 'no online period', expected: 'period', record: without(of('period', (p) => p['mode'] === 'online')) },
  {
    name: 'a ballot before the period was opened',
    expected: 'period',
    record: forgeOne(
      of('period', (p) => p['mode'] === 'online'),
      (p) => void (p['openedAt'] = '2029-06-09T06:00:05.000Z'),
    ),
  },
  {
    name: 'a roll published after the period opened',
    expected: 'roll-timing',
    record: forgeOne(
      of('roll', (p) => p['constituency'] === 'brussels'),
      (p) => {
        p['publishedAt'] = '2029-06-09T05:45:00.000Z';
      },
    ),
  },
  { name: 'no closing head', expected: 'board', record: without(of('board-head', (p) => p['kind'] === 'closing')) },
  {
    name: 'a board head re-hashed with another total',
    expected: 'board',
    record: forgeOne(
      of('board-head', (p) => p['kind'] === 'closing'),
      (p) => void (p['total'] = Number(p['total']) + 1),
    ),
  },
  { name: 'another board key pinned', expected: 'board', record, boardKey: 'cd'.repeat(32) },
  { name: 'a ballot a head covered dropped', expected: 'board', record: without(ballotOf(b(1))) },
  {
    name: 'a width that does not fit the layout',
    expected: 'parameters',
    record: forgeOne(of('parameters'), (p) => void (p['width'] = 2)),
  },
  {
    name: 'a minimum anonymity set of 1',
    expected: 'definition',
    record: forgeOne(of('election'), (p) => void (p['anonymityMinimum'] = 1)),
  },
  { name: 'a roll that miscounts', expected: 'roll', record: forgeOne(of('roll'), (p) => void (p['voters'] = 99)) },
  {
    name: 'a dealer’s proof changed (dealer no longer qualified)',
    expected: 'election-key',
    record: forgeOne(of('dealer'), (p) => void ((p['proof'] as Payload)['response'] = '00'.repeat(31) + '01')),
  },
  {
    name: 'a complaint against an unknown dealer',
    expected: 'complaint',
    record: forge((es) => {
      const k = es.findIndex(of('key'));
      const complaint = {
        seq: 0,
        type: 'complaint',
        parent: '',
        hash: '',
        payload: { by: 1, against: 9, revealed: null },
      };
      return [...es.slice(0, k), complaint, ...es.slice(k)];
    }),
  },
  {
    name: 'a trustee key proof changed',
    expected: 'trustee-key',
    record: forgeOne(of('key'), (p) => {
      ((list(p['trustees'])[1] as Payload)['proof'] as Payload)['response'] = '00'.repeat(31) + '02';
    }),
  },
  {
    name: 'a ghost voter',
    expected: 'eligibility',
    record: forgeOne(ballotOf(b(2)), (p) => void (p['voterId'] = 'ghost')),
  },
  {
    name: 'a ballot of another constituency in the group',
    expected: 'constituency',
    record: forgeOne(ballotOf(b(2)), (p) => void (p['constituency'] = 'leuven')),
  },
  { name: 'a sequence gap', expected: 'sequence', record: forgeOne(ballotOf(b(2)), (p) => void (p['sequence'] = 2)) },
  {
    name: 'a ballot proof response changed',
    expected: 'ballot-proof',
    record: forgeOne(ballotOf(b(2)), (p) => void ((p['proof'] as Payload)['responses'] = ['00'.repeat(31) + '07'])),
  },
  {
    name: 'a ballot id used twice',
    expected: 'ballot-duplicate',
    record: forgeOne(ballotOf(b(2)), (p) => void (p['ballotId'] = b(1))),
  },
  {
    name: 'an attendance list that miscounts',
    expected: 'attendance',
    record: forgeOne(of('attendance'), (p) => void (p['voters'] = Number(p['voters']) + 1)),
  },
  {
    name: 'a cancellation of an unknown ballot',
    expected: 'cancellation',
    record: forgeOne(
      of('cancellation', (p) => p['reason'] === 'superseded'),
      (p) => {
        p['ballotId'] = 'nope';
      },
    ),
  },
  {
    name: 'a cancellation reason rewritten',
    expected: 'cancellation-evidence',
    record: forgeOne(
      of('cancellation', (p) => p['ballotId'] === `${b(3)}-first`),
      (p) => {
        p['reason'] = 'voted-at-polling-station';
        p['evidence'] = { station: 'station-1' };
      },
    ),
  },
  {
    name: 'a polling-station cancellation hidden',
    expected: 'cancellation-missing',
    record: without(of('cancellation', (p) => p['ballotId'] === b(5))),
  },
  {
    name: 'a superseded ballot’s cancellation hidden',
    expected: 'one-per-voter',
    record: without(of('cancellation', (p) => p['reason'] === 'superseded')),
  },
  { name: 'a re-vote undone', expected: 'last-ballot', record: revoteUndone() },
  {
    name: 'a ballot left out of its group input',
    expected: 'group-input',
    record: forgeOne(
      of('group-input', groupIdIs(BRUSSELS)),
      (p) => void (p['ciphertexts'] = rows(p['ciphertexts']).slice(1)),
    ),
  },
  { name: 'a withheld claim for 11 ballots (leuven)', expected: 'withheld', record: withholding('leuven') },
  {
    name: 'a shuffle by a trustee outside the qualified set',
    expected: 'shuffle-input',
    record: forgeOne(of('shuffle'), (p) => void (p['trustee'] = 9)),
  },
  {
    name: 'a shuffle signature changed',
    expected: 'shuffle-input',
    record: forgeOne(of('shuffle'), (p) => {
      const s = text(p['signature']);
      p['signature'] = `${s.slice(0, 127)}${s.endsWith('0') ? '1' : '0'}`;
    }),
  },
  {
    name: 'a shuffle proof changed',
    expected: 'shuffle-proof',
    record: forgeOne(of('shuffle', groupIdIs(BRUSSELS)), (p) => {
      const proof = p['proof'] as Payload;
      const tHat = list(proof['tHat']);
      proof['tHat'] = [tHat[1] ?? '', tHat[0] ?? '', ...tHat.slice(2)];
    }),
  },
  {
    name: 'a partial decryption’s shares swapped',
    expected: 'decryption-proof',
    record: forgeOne(of('partial-decryption', groupIdIs(BRUSSELS)), (p) => {
      const s = rows(p['shares']);
      p['shares'] = [s[1] ?? [], s[0] ?? [], ...s.slice(2)];
    }),
  },
  {
    name: 'a partial decryption after one shuffle only',
    expected: 'completeness',
    record: without(of('shuffle', (p) => p['groupId'] === BRUSSELS && p['mixNode'] === 2)),
  },
  {
    name: 'two different plaintexts swapped',
    expected: 'decryption',
    record: forgeOne(of('decryption', groupIdIs(BRUSSELS)), (p) => {
      const s = rows(p['plaintexts']);
      const other = s.findIndex((row) => JSON.stringify(row) !== JSON.stringify(s[0]));
      assert.ok(other > 0);
      p['plaintexts'] = s.map((row, i) => (i === 0 ? (s[other] ?? []) : i === other ? (s[0] ?? []) : row));
    }),
  },
  {
    name: 'a decoded ballot rewritten',
    expected: 'decoding',
    record: forgeOne(of('decryption', groupIdIs(BRUSSELS)), (p) => {
      p['ballots'] = [{ kind: 'invalid', reason: 'forged' }, ...list(p['ballots']).slice(1)];
    }),
  },
  {
    name: 'a count changed',
    expected: 'counts',
    record: forgeOne(
      of('counts'),
      (p) => void ((p['counts'] as Payload)['blank'] = Number((p['counts'] as Payload)['blank']) + 1),
    ),
  },
  {
    name: 'a whole group’s counting removed',
    expected: 'group-missing',
    record: without((e) => COUNTING.has(e.type) && text(payload(e)['groupId']).startsWith('leuven/online')),
  },
  { name: 'a group’s counts removed', expected: 'completeness', record: without(of('counts', groupIdIs(BRUSSELS))) },
  {
    name: 'a PV figure changed by one',
    expected: 'pv',
    record,
    pvs: honestPvs.map((f, i) =>
      i === 0
        ? { ...f, content: { ...(f.content as Payload), valid: Number((f.content as Payload)['valid']) + 1 } }
        : f,
    ),
  },
  { name: 'a PV missing', expected: 'pv', record, pvs: honestPvs.slice(1) },
];
cases.push(...hybridCases(record, definition, 'BE-2029-chamber', honestPvs));
cases.push(...linkedCases(record, definition, 'BE-2029-chamber', BRUSSELS, `${b(3)}-first`, `${b(9)}-first`));

/** One hex digit changed at `path` in the first entry of `type` (an element that may no longer decode, a scalar, a signature). */
function flipped(type: string, path: readonly (string | number)[]): Case {
  const rec = forge((es) => {
    const e = es.find(of(type));
    assert.ok(e !== undefined, `no ${type} entry`);
    let at = e.payload as Record<string | number, Json>;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, Json>;
    const last = path.at(-1) ?? '';
    const value = text(at[last]);
    assert.ok(value.length > 0, `no hex at ${type} ${path.join('.')}`);
    at[last] = `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}`;
    return es;
  });
  return { name: `one hex digit changed in ${type}.${path.join('.')}`, expected: 'any failure', record: rec };
}

cases.push(
  ...(
    [
      ['key', ['publicKey']],
      ['dealer', ['commitments', 0]],
      ['ballot', ['ciphertexts', 0]],
      ['ballot', ['ciphertexts', 1]],
      ['group-input', ['ciphertexts', 0, 0]],
      ['shuffle', ['outputs', 0, 1]],
      ['shuffle', ['proof', 'commitments', 0]],
      ['shuffle', ['proof', 't4', 0, 0]],
      ['shuffle', ['proof', 's1']],
      ['partial-decryption', ['shares', 0, 0]],
      ['partial-decryption', ['proof', 'challenge']],
      ['decryption', ['plaintexts', 0, 0]],
      ['board-head', ['signature']],
      ['board-head', ['signingKey']],
      ['roll', ['root']],
      ['ceremony', ['registrations', 0, 'signature']],
      ['ceremony', ['posts', 0, 'payload', 'commitments', 0]],
    ] as const
  ).map(([type, path]) => flipped(type, path)),
);

interface Verdict {
  readonly check: string;
  readonly detail: string;
}

const dir = mkdtempSync(join(tmpdir(), 'isoloir-agreement-'));

function runPython(c: Case, i: number): Promise<Verdict> {
  const file = join(dir, `record-${String(i)}.json`);
  writeFileSync(file, JSON.stringify(c.record));
  const args = [VERIFY_PY, file];
  if (c.head !== undefined) args.push('--head', c.head);
  if (c.boardKey !== undefined) args.push('--board-key', c.boardKey);
  if (c.pvs !== undefined) {
    const pvDir = join(dir, `pv-${String(i)}`);
    mkdirSync(pvDir);
    for (const f of c.pvs) writeFileSync(join(pvDir, f.name), JSON.stringify(f.content));
    args.push('--pv', pvDir);
  }
  (c.linked ?? []).forEach((l, j) => {
    const linkedFile = join(dir, `linked-${String(i)}-${String(j)}.json`);
    writeFileSync(linkedFile, JSON.stringify(l.record));
    args.push('--linked', linkedFile);
  });
  return new Promise((resolve) => {
    const child = spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => {
      resolve({ check: 'spawn error', detail: e.message });
    });
    child.on('close', (code) => {
      const failed = /^FAILED (\S+) at /.exec(out);
      if (code === 0 && out.startsWith('OK: ')) resolve({ check: 'ok', detail: out.trim() });
      else if (code === 1 && failed !== null) resolve({ check: failed[1] ?? '', detail: out.trim() });
      else resolve({ check: `exit ${String(code)}`, detail: `${out}${err}`.trim() });
    });
  });
}

async function runTypeScript(c: Case): Promise<Verdict> {
  const r = await verifyRecord(c.record, {
    ...(c.head === undefined ? {} : { head: c.head }),
    ...(c.boardKey === undefined ? {} : { boardKey: c.boardKey }),
    ...(c.pvs === undefined ? {} : { pvs: c.pvs }),
    ...(c.linked === undefined ? {} : { linked: c.linked }),
  });
  return r.ok ? { check: 'ok', detail: 'OK' } : { check: r.check, detail: `${r.location}: ${r.message}` };
}

/** At most `n` of the calls running at once; the rest wait their turn. */
function limiter(n: number): <T>(f: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return (f) =>
    new Promise((resolve) => {
      const run = (): void => {
        active++;
        void f()
          .then(resolve)
          .finally(() => {
            active--;
            queue.shift()?.();
          });
      };
      if (active < n) run();
      else queue.push(run);
    });
}

describe('the Python verifier agrees with isoloir verify', { skip }, () => {
  // One Python process at a time, each started as soon as the previous one ends; meanwhile this
  // process computes the TypeScript verdicts, one after the other (two cores busy, not more).
  const limit = limiter(1);
  const python = cases.map((c, i) => limit(() => runPython(c, i)));

  cases.forEach((c, i) => {
    test(`${c.name}: ${c.expected}`, async () => {
      const ts = await runTypeScript(c);
      const py = await (python[i] as Promise<Verdict>);
      if (c.expected === 'any failure') assert.notEqual(ts.check, 'ok', 'isoloir verify accepted the change');
      else assert.equal(ts.check, c.expected, `isoloir verify: ${ts.detail}`);
      assert.equal(py.check, ts.check, `verify.py: ${py.detail}\nisoloir verify: ${ts.detail}`);
    });
  });

  test('the Python cryptography reproduces the test vectors (PROTOCOL.md §10) and RFC 8032', () => {
    const r = spawnSync('python3', [fileURLToPath(new URL('./check_vectors.py', import.meta.url))], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.doesNotMatch(r.stdout, /FAIL/);
  });

  test('clean up', async () => {
    await Promise.all(python);
    rmSync(dir, { recursive: true, force: true });
  });
});
