// The election's ballot layout (largest constituency, so every ballot has the same width), its
// constituencies as packages/electoral models, and the group identifiers of the count.
import type { BallotLayout } from '@isoloir/crypto';
import type { Constituency, CandidateList } from '@isoloir/electoral';
import type { Kysely } from 'kysely';
import type { Labels, Language, Schema } from '@isoloir/store';

export type Mode = 'online' | 'kiosk';
export type Category = 'belgium' | 'abroad';

/** constituency × mode × abroad/Belgium, e.g. `liege/online/abroad`. */
export function groupIdOf(constituency: string, mode: Mode, category: Category): string {
  return `${constituency}/${mode}/${category}`;
}

export async function electionLayout(db: Kysely<Schema>, electionId: string): Promise<BallotLayout> {
  const lists = await db
    .selectFrom('party_lists')
    .select((eb) => eb.fn.max('list_number').as('n'))
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  const cands = await db
    .selectFrom('candidates')
    .select(['kind', (eb) => eb.fn.max('position').as('n')])
    .where('election_id', '=', electionId)
    .groupBy('kind')
    .execute();
  const max = (kind: string): number => Number(String(cands.find((c) => c.kind === kind)?.n ?? 0));
  return {
    maxListNumber: Math.max(1, Number(String(lists?.n ?? 1))),
    maxEffectives: Math.max(1, max('effective')),
    maxSubstitutes: max('substitute'),
  };
}

export interface ConstituencyInfo {
  readonly model: Constituency;
  readonly label: Labels;
  readonly languages: readonly Language[];
  /** list id (string of its number) → label */
  readonly candidates: ReadonlyMap<
    string,
    { readonly effectives: readonly string[]; readonly substitutes: readonly string[] }
  >;
}

export async function loadConstituency(
  db: Kysely<Schema>,
  electionId: string,
  code: string,
): Promise<ConstituencyInfo> {
  const c = await db
    .selectFrom('constituencies')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const lists = await db
    .selectFrom('party_lists')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', code)
    .orderBy('list_number')
    .execute();
  const cands = await db
    .selectFrom('candidates')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', code)
    .orderBy('list_number')
    .orderBy('kind')
    .orderBy('position')
    .execute();
  const names = new Map<string, { effectives: string[]; substitutes: string[] }>();
  const models: CandidateList[] = lists.map((l) => {
    const mine = cands.filter((x) => x.list_number === l.list_number);
    const eff = mine.filter((x) => x.kind === 'effective');
    const sub = mine.filter((x) => x.kind === 'substitute');
    const id = String(l.list_number);
    names.set(id, {
      effectives: eff.map((x) => `${x.surname} ${x.given_name}`),
      substitutes: sub.map((x) => `${x.surname} ${x.given_name}`),
    });
    return {
      id,
      number: l.list_number,
      name: l.label,
      effectives: eff.map((x) => ({
        id: `${id}/e${String(x.position)}`,
        position: x.position,
        name: `${x.surname} ${x.given_name}`,
      })),
      substitutes: sub.map((x) => ({
        id: `${id}/s${String(x.position)}`,
        position: x.position,
        name: `${x.surname} ${x.given_name}`,
      })),
    };
  });
  const label = c.label;
  return {
    model: { id: code, labels: label, languages: c.languages, seats: c.seats, lists: models },
    label,
    languages: c.languages,
    candidates: names,
  };
}
