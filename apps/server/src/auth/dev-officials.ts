// The development officials: one per role (Team A and two Team B members for Liège; two PO
// administrators, since a role takes two), with fixed national register numbers the development
// identity provider logs them in with. DEMO-ONLY. Seeded only where the development identity
// provider runs, never in production, through the same two-step grants as a real election
// (./grants.ts): the two administrators are the database's first two (bootstrapped), every other
// role is requested by the first and confirmed by the second.
import { makeNrn } from '@isoloir/electoral';
import type { Store } from '@isoloir/store';
import { bootstrapAdmins, confirmGrant, requestGrant } from './grants.ts';
import { createOfficial } from './officials.ts';
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
  // The second administrator, who confirms what the first grants (separation of duties).
  {
    id: 'dev-po-admin-2',
    nrn: nrn(1968, 2, 12, 915),
    givenName: 'Karim',
    surname: 'Benali',
    language: 'fr',
    roles: [{ role: 'po-admin', scope: null }],
    persona: 'official-po-admin-2',
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
  // A second Team B member of Liège: a PV is final after two different members approve it, and a
  // hybrid box is encoded by two members (the second blind to the first).
  {
    id: 'dev-team-b-liege-2',
    nrn: nrn(1982, 3, 9, 919),
    givenName: 'Ines',
    surname: 'Wouters',
    language: 'fr',
    roles: [{ role: 'team-b', scope: 'liege' }],
    persona: 'official-team-b-2',
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

/** The two DEMO-ONLY administrators: the first requests every other grant, the second confirms it. */
export const DEV_ADMINS = ['dev-po-admin', 'dev-po-admin-2'] as const;

/** Seeds the development officials into a database that has none; idempotent. */
export async function seedDevOfficials(store: Store): Promise<boolean> {
  const any = await store.db.selectFrom('officials').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) return false;
  for (const official of DEV_OFFICIALS) await createOfficial(store.db, official, 'system:dev-idp');
  await bootstrapAdmins(store.db, DEV_ADMINS, 'system:dev-idp');
  const [first, second] = DEV_ADMINS;
  for (const official of DEV_OFFICIALS)
    for (const grant of official.roles) {
      if (grant.role === 'po-admin' && (DEV_ADMINS as readonly string[]).includes(official.id)) continue;
      const request = await requestGrant(store.db, { officialId: first }, official.id, grant);
      await confirmGrant(store.db, { officialId: second }, request);
    }
  return true;
}
