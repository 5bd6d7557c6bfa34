// The open-data file of a constituency: its final PVs (every mode this platform counts, abroad and
// Belgium) summed into one file in the structure of the official result files
// (resultatselection.belgium.be), the one `isoloir allocate` reads (packages/electoral official-*.ts).
// Only the inputs of the computation are filled from the PVs (per list `NrOfVotes` and the categories
// B/C/D/E of CE art. 156 §1, per candidate the preference votes); `computeOfficialResults` then adds
// the seats and the elected (A_, G_, I_–IV_), exactly as the command does from the same file.
// The file also carries `Isoloir`: the rules applied and the command that recomputes them.
import type { Labels } from '@isoloir/store';
import type { PvContent, PvList } from '../counting/pv.ts';

/** The rules of the allocation, as `isoloir allocate` flags take them. */
export interface AllocationRules {
  readonly seats: number;
  readonly method: 'dhondt' | 'imperiali';
  /** Percent of the valid votes (CE art. 165bis; 0 for the European Parliament). */
  readonly thresholdPercent: number;
  /** Share of head-box ballots that devolves (CE art. 172 al. 2), as a fraction `1/2`. */
  readonly devolution: string;
}

export interface OpenDataMeta {
  readonly electionId: string;
  readonly electionLabel: Labels;
  readonly electionDate: string;
  readonly constituency: string;
  readonly constituencyLabel: Labels;
  readonly rules: AllocationRules;
  /**
   * Candidates' birth dates (`YYYY-MM-DD`) by list number then candidate id (`1/e3`), for the lists
   * whose tie the statute settles by age (act of 16 July 1993 art. 29quater): only those are published.
   */
  readonly birthDates?: ReadonlyMap<number, ReadonlyMap<string, string>>;
}

type Json = Record<string, unknown>;

const LANGUAGE_NAMES = { fr: 'French', nl: 'Dutch', de: 'German', en: 'English' } as const;

/** The command line that recomputes the seats from the file (explicit flags: no statutory default is assumed). */
export function allocateCommand(rules: AllocationRules, file: string): string {
  return `isoloir allocate ${file} --seats ${String(rules.seats)} --method ${rules.method} --threshold ${String(rules.thresholdPercent)} --devolution ${rules.devolution}`;
}

/** Sums the lists of several PVs of one constituency (same lists, same candidates: one ballot layout). */
export function sumLists(pvs: readonly PvContent[]): PvList[] {
  const byNumber = new Map<number, PvList>();
  for (const pv of pvs)
    for (const l of pv.lists) {
      const seen = byNumber.get(l.number);
      if (seen === undefined) {
        byNumber.set(l.number, l);
        continue;
      }
      const add = (a: PvList['effectives'], b: PvList['effectives']): PvList['effectives'] =>
        a.map((c, i) => ({ ...c, votes: c.votes + (b[i]?.votes ?? 0) }));
      byNumber.set(l.number, {
        ...seen,
        categories: {
          B: seen.categories.B + l.categories.B,
          C: seen.categories.C + l.categories.C,
          D: seen.categories.D + l.categories.D,
          E: seen.categories.E + l.categories.E,
        },
        total: seen.total + l.total,
        effectives: add(seen.effectives, l.effectives),
        substitutes: add(seen.substitutes, l.substitutes),
      });
    }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/** The open-data file (before allocation): the official structure filled from the final PVs. */
export function openDataFile(pvs: readonly PvContent[], meta: OpenDataMeta): Json {
  const lists = sumLists(pvs);
  const sum = (f: (pv: PvContent) => number): number => pvs.reduce((a, pv) => a + f(pv), 0);
  const labels = (l: Labels): Json[] =>
    (['fr', 'nl', 'de', 'en'] as const).map((k) => ({ Language: LANGUAGE_NAMES[k], Label: l[k] }));
  return {
    Id: meta.constituency,
    Labels: labels(meta.constituencyLabel),
    Description: 'Constituency',
    ElectionId: meta.electionId,
    ElectionLabels: labels(meta.electionLabel),
    ElectionDate: meta.electionDate,
    NrOfSeats: meta.rules.seats,
    NrOfValidVotes: sum((pv) => pv.valid),
    Isoloir: {
      format: 'isoloir-open-data/1',
      scope:
        'Remote votes only (the modes this platform counts: online, kiosk, hybrid), abroad and Belgium; not the ballots cast at polling stations.',
      pvs: pvs.map((pv) => ({ mode: pv.mode, category: pv.category, recordHash: pv.recordHash })),
      blank: sum((pv) => pv.blank),
      invalid: sum((pv) => pv.invalid),
      rules: meta.rules,
      command: allocateCommand(meta.rules, `${meta.electionId}-${meta.constituency}.json`),
    },
    ElectionLists: lists.map((l) => ({
      Id: String(l.number),
      ListNumber: l.number,
      PartyLabel: l.name,
      NrOfVotes: l.total,
      B_BallotsWithListVote: l.categories.B,
      C_BallotsWithCandidateVotesOnly: l.categories.C,
      D_BallotsWithCandidateAndSuccessorVotes: l.categories.D,
      E_BallotsWithSuccessorVotesOnly: l.categories.E,
      Candidates: [
        ...l.effectives.map((c) => candidate(l.number, c, false, meta.birthDates?.get(l.number))),
        ...l.substitutes.map((c) => candidate(l.number, c, true, meta.birthDates?.get(l.number))),
      ],
    })),
  };
}

function candidate(
  list: number,
  c: PvList['effectives'][number],
  substitute: boolean,
  birthDates: ReadonlyMap<string, string> | undefined,
): Json {
  const id = `${String(list)}/${substitute ? 's' : 'e'}${String(c.position)}`;
  const birthDate = birthDates?.get(id);
  return {
    Id: id,
    FullName: c.name,
    NrOnList: c.position,
    IsSuccessor: substitute,
    NrOfVotes: c.votes,
    ...(birthDate === undefined ? {} : { BirthDate: birthDate }),
  };
}
