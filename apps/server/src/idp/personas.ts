// The test personas of the development identity provider: voters taken from the register (in
// Belgium and abroad, several constituencies and languages, Level 500 and 450), a Level 200 voter
// who must be refused, broken answers (unknown voter, missing or malformed egovNRN), and one
// official per role. Pure: the same voters give the same personas.
import { makeNrn } from '@isoloir/electoral';
import { DEV_OFFICIALS } from '../auth/dev-officials.ts';
import { demoHybridNrns } from '../demo/demo-hybrid.ts';
import { demoKioskNrns } from '../demo/demo-kiosk.ts';

export interface Persona {
  /** Stable id: tests pick personas by it (`voter-be-fr-500`, `official-team-a`, …). */
  readonly id: string;
  readonly group: 'voter-belgium' | 'voter-abroad' | 'official' | 'refused';
  readonly description: string;
  readonly level: number;
  readonly claims: {
    readonly egovNRN?: string;
    readonly givenName: string;
    readonly surname: string;
    readonly prefLanguage: string;
    readonly roles?: readonly string[];
  };
  /** For display: constituency code of a voter persona. */
  readonly constituency?: string;
}

export interface VoterRow {
  readonly nrn: string;
  readonly given_name: string;
  readonly surname: string;
  readonly language: 'fr' | 'nl' | 'de';
  readonly category: 'belgium' | 'abroad';
  readonly country: string;
  readonly constituency_code: string;
}

interface VoterSpec {
  readonly id: string;
  readonly category: 'belgium' | 'abroad';
  readonly languages: readonly string[];
  readonly constituency?: string;
  readonly level: number;
  readonly how: string;
  /** A resident who opted in to hybrid voting (mode 6) in the demo. */
  readonly hybrid?: boolean;
  /** A Belgian abroad registered for the Paris post's kiosk (mode 8) in the demo. */
  readonly kiosk?: boolean;
}

const LEVEL_HOW: Readonly<Record<number, string>> = {
  500: 'eID card and reader (Level 500)',
  450: 'itsme (Level 450)',
  200: 'username and password (Level 200: must be refused)',
};

const VOTER_SPECS: readonly VoterSpec[] = [
  {
    id: 'voter-be-fr-500',
    category: 'belgium',
    languages: ['fr'],
    constituency: 'liege',
    level: 500,
    how: LEVEL_HOW[500] ?? '',
  },
  {
    id: 'voter-be-nl-450',
    category: 'belgium',
    languages: ['nl'],
    constituency: 'anvers',
    level: 450,
    how: LEVEL_HOW[450] ?? '',
  },
  {
    id: 'voter-be-bxl-450',
    category: 'belgium',
    languages: ['fr', 'nl'],
    constituency: 'bruxelles-capitale',
    level: 450,
    how: LEVEL_HOW[450] ?? '',
  },
  { id: 'voter-be-de-500', category: 'belgium', languages: ['de'], level: 500, how: LEVEL_HOW[500] ?? '' },
  { id: 'voter-abroad-450', category: 'abroad', languages: ['fr', 'nl', 'de'], level: 450, how: LEVEL_HOW[450] ?? '' },
  { id: 'voter-abroad-500', category: 'abroad', languages: ['nl', 'fr', 'de'], level: 500, how: LEVEL_HOW[500] ?? '' },
  {
    id: 'voter-hybrid-500',
    category: 'belgium',
    languages: ['fr', 'nl', 'de'],
    // Liège, whose main office the development Team A, Team B and president work for (the README's tour).
    constituency: 'liege',
    level: 500,
    how: `${LEVEL_HOW[500] ?? ''}; hybrid voting (mode 6)`,
    hybrid: true,
  },
  {
    id: 'voter-kiosk-500',
    category: 'abroad',
    languages: ['fr', 'nl', 'de'],
    level: 500,
    how: `eID card in the kiosk's reader (Level 500); kiosk voting at the Paris post (mode 8)`,
    kiosk: true,
  },
  { id: 'voter-level-200', category: 'belgium', languages: ['fr', 'nl', 'de'], level: 200, how: LEVEL_HOW[200] ?? '' },
  // Ten more voters of Liège (after the others, whom they leave as they were): with voter-be-fr-500
  // they let the README's count be played by clicking, since no group smaller than the minimum
  // anonymity set (10 ballots) is ever decrypted (apps/server/src/counting/anonymity.ts).
  ...Array.from({ length: 10 }, (_, i): VoterSpec => ({
    id: `voter-liege-${String(i + 1)}`,
    category: 'belgium',
    languages: ['fr'],
    constituency: 'liege',
    level: 450,
    how: `${LEVEL_HOW[450] ?? ''}; one of the ten extra voters of Liège, for the count`,
  })),
];

function pick(
  voters: readonly VoterRow[],
  spec: VoterSpec,
  used: Set<string>,
  hybrid: ReadonlySet<string>,
  kiosk: ReadonlySet<string>,
): VoterRow | undefined {
  const free = voters.filter(
    (v) =>
      !used.has(v.nrn) &&
      v.category === spec.category &&
      spec.languages.includes(v.language) &&
      hybrid.has(v.nrn) === (spec.hybrid === true) &&
      kiosk.has(v.nrn) === (spec.kiosk === true),
  );
  return free.find((v) => spec.constituency === undefined || v.constituency_code === spec.constituency) ?? free[0];
}

/** A valid number that is on no register (a person born on 1 January 1950, sequence 997). */
function unknownNrn(voters: readonly VoterRow[]): string {
  const taken = new Set(voters.map((v) => v.nrn));
  for (let sequence = 997; sequence > 1; sequence -= 2) {
    const made = makeNrn({ year: 1950, month: 1, day: 1, sequence });
    if (made.ok && !taken.has(made.value)) return made.value;
  }
  throw new Error('no free national register number');
}

export function voterPersonas(voters: readonly VoterRow[]): Persona[] {
  const sorted = [...voters].sort((a, b) => a.nrn.localeCompare(b.nrn));
  const used = new Set<string>();
  const hybrid = demoHybridNrns(sorted);
  const kiosk = demoKioskNrns(sorted);
  const personas: Persona[] = [];
  for (const spec of VOTER_SPECS) {
    const voter = pick(sorted, spec, used, hybrid, kiosk);
    if (voter === undefined) continue;
    used.add(voter.nrn);
    const where = voter.category === 'abroad' ? `abroad (${voter.country})` : 'in Belgium';
    personas.push({
      id: spec.id,
      group: spec.level < 450 ? 'refused' : voter.category === 'abroad' ? 'voter-abroad' : 'voter-belgium',
      description: `Voter ${where}, ${voter.constituency_code}, ${voter.language.toUpperCase()}; ${spec.how}`,
      level: spec.level,
      claims: { egovNRN: voter.nrn, givenName: voter.given_name, surname: voter.surname, prefLanguage: voter.language },
      constituency: voter.constituency_code,
    });
  }
  return personas;
}

function brokenPersonas(voters: readonly VoterRow[]): Persona[] {
  return [
    {
      id: 'case-unknown-voter',
      group: 'refused',
      description: 'A valid number on no voter list (must be refused)',
      level: 450,
      claims: { egovNRN: unknownNrn(voters), givenName: 'Nemo', surname: 'Nobody', prefLanguage: 'fr' },
    },
    {
      id: 'case-nrn-invalid',
      group: 'refused',
      description: 'A malformed egovNRN claim (must be refused)',
      level: 450,
      claims: { egovNRN: '00000000000', givenName: 'Mal', surname: 'Formed', prefLanguage: 'nl' },
    },
    {
      id: 'case-nrn-missing',
      group: 'refused',
      description: 'No egovNRN claim at all (must be refused)',
      level: 450,
      claims: { givenName: 'No', surname: 'Number', prefLanguage: 'de' },
    },
  ];
}

export function officialPersonas(): Persona[] {
  return DEV_OFFICIALS.map((official) => {
    const grants = official.roles.map((grant) => (grant.scope === null ? grant.role : `${grant.role}:${grant.scope}`));
    return {
      id: official.persona ?? `official-${official.roles[0]?.role ?? official.id}`,
      group: 'official' as const,
      description: `Official: ${grants.join(', ')}; itsme (Level 450)`,
      level: 450,
      claims: {
        egovNRN: official.nrn,
        givenName: official.givenName,
        surname: official.surname,
        prefLanguage: official.language,
        roles: grants,
      },
    };
  });
}

export function allPersonas(voters: readonly VoterRow[]): Persona[] {
  return [...voterPersonas(voters), ...officialPersonas(), ...brokenPersonas(voters)];
}
