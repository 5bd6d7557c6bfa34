// A hybrid paper ballot as Team B encodes it (issue #16): the fields of the encoding form read into
// the marks the paper shows (packages/electoral's `MarkedBallot`), and the ballot paper's lists as the
// law's `Constituency`, so the screen can say how the law reads a ballot (classifyBallot, art. 156).
// The form's fields, fast from the keyboard: the list's number, its head box, the positions of the
// effective and substitute candidates marked ("1 4"), and for the rare ballot marked on several lists
// the other marks as `2h` or `2t` (head box of list 2), `2e4` (effective 4 of list 2), `2s1` (substitute 1).
import type { Constituency, Mark, MarkedBallot, PaperState } from '@isoloir/electoral';

export interface PaperCandidate {
  readonly position: number;
  readonly label: string;
}

export interface PaperList {
  readonly number: number;
  readonly label: string;
  readonly effectives: readonly PaperCandidate[];
  readonly substitutes: readonly PaperCandidate[];
}

export interface BallotFields {
  readonly list: string;
  readonly head: boolean;
  readonly effectives: string;
  readonly substitutes: string;
  readonly other: string;
  readonly paper: PaperState;
}

export const EMPTY_FIELDS: BallotFields = {
  list: '',
  head: false,
  effectives: '',
  substitutes: '',
  other: '',
  paper: 'official',
};

export const PAPER_STATES: readonly PaperState[] = ['official', 'unofficial', 'altered', 'identifiable'];

export type FieldName = 'list' | 'effectives' | 'substitutes' | 'other';

const tokens = (text: string): string[] => text.split(/[\s,;]+/u).filter((s) => s !== '');
const NUMBER = /^[1-9][0-9]{0,2}$/u;
// The head box is `h`, `t` (tête) or `k` (kop, Kopf); effectives `e`, substitutes `s`.
const OTHER = /^([1-9][0-9]{0,2})(?:([htk])|([es])([1-9][0-9]{0,2}))$/iu;

/** The marks the fields describe, or the first field that cannot be read. */
export function ballotOf(fields: BallotFields): { ok: true; ballot: MarkedBallot } | { ok: false; field: FieldName } {
  const marks: Mark[] = [];
  const list = fields.list.trim();
  if (list !== '' && !NUMBER.test(list)) return { ok: false, field: 'list' };
  for (const name of ['effectives', 'substitutes'] as const) {
    const positions = tokens(fields[name]);
    if (positions.length > 0 && list === '') return { ok: false, field: 'list' };
    if (!positions.every((p) => NUMBER.test(p))) return { ok: false, field: name };
    const box = name === 'effectives' ? 'effective' : 'substitute';
    for (const p of new Set(positions.map(Number))) marks.push({ box, listId: list, position: p });
  }
  if (fields.head) {
    if (list === '') return { ok: false, field: 'list' };
    marks.unshift({ box: 'head', listId: list });
  }
  for (const token of tokens(fields.other)) {
    const m = OTHER.exec(token);
    if (m === null) return { ok: false, field: 'other' };
    const listId = String(Number(m[1]));
    const kind = m[3]?.toLowerCase();
    marks.push(
      m[2] !== undefined
        ? { box: 'head', listId }
        : { box: kind === 'e' ? 'effective' : 'substitute', listId, position: Number(m[4]) },
    );
  }
  const seen = new Set<string>();
  const unique = marks.filter((mark) => {
    const key = JSON.stringify(mark);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: true, ballot: { paper: fields.paper, marks: unique } };
}

/** The ballot paper's lists as the law's constituency (list ids are the list numbers). */
export function constituencyOf(code: string, lists: readonly PaperList[]): Constituency {
  const label = { fr: code, nl: code, de: code, en: code };
  return {
    id: code,
    labels: label,
    languages: ['fr'],
    seats: 1,
    lists: lists.map((l) => ({
      id: String(l.number),
      number: l.number,
      name: l.label,
      effectives: l.effectives.map((e) => ({
        id: `${String(l.number)}-e${String(e.position)}`,
        position: e.position,
        name: e.label,
      })),
      substitutes: l.substitutes.map((s) => ({
        id: `${String(l.number)}-s${String(s.position)}`,
        position: s.position,
        name: s.label,
      })),
    })),
  };
}
