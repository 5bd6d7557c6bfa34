// The development officials: one per role (two Team members for Liège, in different teams), with
// fixed national register numbers the development identity provider logs them in with. Seeded
// only where the development identity provider runs, never in production.
import { makeNrn } from '@isoloir/electoral';
import type { Store } from '@isoloir/store';
import { createOfficial, grantRole } from './officials.ts';
import type { RoleGrant } from './roles.ts';

export interface DevOfficial {
  readonly id: string;
  readonly nrn: string;
  readonly givenName: string;
  readonly surname: string;
  readonly language: 'fr' | 'nl' | 'de';
  readonly roles: readonly RoleGrant[];
  /** The development identity provider's persona id, when not `official-<first role>`. */
  readonly persona?: string;
}

function nrn(year: number, month: number, day: number, sequence: number): string {
  const made = makeNrn({ year, month, day, sequence });
  if (!made.ok) throw new Error(`bad development NRN: ${made.error}`);
  return made.value;
}

export const DEV_OFFICIALS: readonly DevOfficial[] = [
  {
    id: 'dev-po-admin',
    nrn: nrn(1971, 3, 14, 901),
    givenName: 'Anne',
    surname: 'Peeters',
    language: 'nl',
    roles: [{ role: 'po-admin', scope: null }],
  },
  {
    id: 'dev-commune-liege',
    nrn: nrn(1972, 4, 15, 903),
    givenName: 'Luc',
    surname: 'Lambert',
    language: 'fr',
    roles: [{ role: 'commune-official', scope: '62063' }],
  },
  {
    id: 'dev-consular-paris',
    nrn: nrn(1973, 5, 16, 902),
    givenName: 'Claire',
    surname: 'Dubois',
    language: 'fr',
    roles: [{ role: 'consular-official', scope: 'paris' }],
  },
  {
    id: 'dev-team-a-liege',
    nrn: nrn(1974, 6, 17, 905),
    givenName: 'Marc',
    surname: 'Renard',
    language: 'fr',
    roles: [{ role: 'team-a', scope: 'liege' }],
  },
  {
    id: 'dev-team-b-liege',
    nrn: nrn(1975, 7, 18, 904),
    givenName: 'Sofie',
    surname: 'Janssens',
    language: 'nl',
    roles: [{ role: 'team-b', scope: 'liege' }],
  },
  {
    id: 'dev-trustee',
    nrn: nrn(1976, 8, 19, 907),
    givenName: 'Jonas',
    surname: 'Schmitz',
    language: 'de',
    roles: [{ role: 'trustee', scope: null }],
  },
  // Two more trustees: the demo's key ceremony has three (apps/server/src/counting/demo-ceremony.ts).
  {
    id: 'dev-trustee-2',
    nrn: nrn(1979, 11, 22, 911),
    givenName: 'Lea',
    surname: 'Vermeulen',
    language: 'nl',
    roles: [{ role: 'trustee', scope: null }],
    persona: 'official-trustee-2',
  },
  {
    id: 'dev-trustee-3',
    nrn: nrn(1980, 12, 23, 913),
    givenName: 'Hugo',
    surname: 'Lemaire',
    language: 'fr',
    roles: [{ role: 'trustee', scope: null }],
    persona: 'official-trustee-3',
  },
  {
    id: 'dev-kiosk-paris',
    nrn: nrn(1977, 9, 20, 906),
    givenName: 'Nadia',
    surname: 'Haddad',
    language: 'fr',
    roles: [{ role: 'kiosk-operator', scope: 'paris' }],
  },
  {
    id: 'dev-president-liege',
    nrn: nrn(1969, 11, 22, 911),
    givenName: 'Hélène',
    surname: 'Gillet',
    language: 'fr',
    roles: [{ role: 'president', scope: 'liege' }],
  },
  {
    id: 'dev-observer',
    nrn: nrn(1978, 10, 21, 909),
    givenName: 'Pieter',
    surname: 'De Smet',
    language: 'nl',
    roles: [{ role: 'observer', scope: null }],
  },
];

/** Seeds the development officials into a database that has none; idempotent. */
export async function seedDevOfficials(store: Store): Promise<boolean> {
  const any = await store.db.selectFrom('officials').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) return false;
  for (const official of DEV_OFFICIALS) {
    await createOfficial(store.db, official, 'system:dev-idp');
    for (const grant of official.roles) await grantRole(store.db, official.id, grant, 'system:dev-idp');
  }
  return true;
}
