// Election setup (format isoloir-election/1): an election day, its elections and constituencies,
// each mode's voting period, which of modes 6–8 voters in Belgium may use (and whether they opt in),
// the legal modes abroad, the registration deadline and X, the online re-vote limit. Validated,
// audited, refused once the day is frozen (voting opened). Format: ./README.md.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { appendAudit, canonicalJson, type Schema, type Store } from '@isoloir/store';
import { CHAMBER, EUROPEAN, FLEMISH } from '@isoloir/electoral';
import type { StatutoryElection } from '@isoloir/electoral';
import type { Actor } from './actor.ts';
import { ELECTION_YEARS, isCalendarDate } from './calendar-date.ts';
import { PreparationError } from './errors.ts';

const labels = z.strictObject({
  fr: z.string().min(1),
  nl: z.string().min(1),
  de: z.string().min(1),
  en: z.string().min(1),
});
const isoDate = z
  .string()
  .refine((d) => isCalendarDate(d, ELECTION_YEARS), 'not a day of the calendar from 2000 to 2199 (YYYY-MM-DD)');
/** The minimum anonymity set of an election whose setup names none ([U] this platform's rule, not a number of the Electoral Code). */
export const DEFAULT_ANONYMITY_MINIMUM = 10;

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/);
const period = z
  .strictObject({ opens: isoDate, closes: isoDate })
  .refine((p) => p.opens <= p.closes, 'opens after it closes');
const residentMode = z.strictObject({ open: z.boolean(), optIn: z.boolean() });
/**
 * How a voter logs in to a remote mode: CSAM only, or CSAM or — for voters registered abroad — a
 * passkey enrolled through their consular post (issue #18; README, "Belgians abroad without CSAM").
 */
const loginRule = z.enum(['csam', 'csam-or-passkey']);
/** Absent from a setup: CSAM only, in every mode. */
export const CSAM_ONLY = { hybrid: 'csam', online: 'csam', kiosk: 'csam' } as const;

const constituency = z.strictObject({
  code: slug,
  label: labels,
  seats: z.number().int().min(1).max(200),
  languages: z
    .array(z.enum(['fr', 'nl', 'de']))
    .min(1)
    .max(3),
  /** The postal address of the constituency's main office: printed on the hybrid kit's outer-envelope label (mode 6). */
  mainOfficeAddress: z.string().min(5).max(300).optional(),
});
const election = z.strictObject({
  id: slug,
  kind: z.enum(['chamber', 'european', 'regional']),
  label: labels,
  seatMethod: z.enum(['dhondt', 'imperiali']).default('dhondt'),
  /** Defaults to the statutory threshold of the kind: 5 % (Chamber, regional), none for the European Parliament. */
  thresholdPercent: z.number().int().min(0).max(100).optional(),
  minimumAge: z.number().int().min(16).max(18),
  /** The minimum anonymity set (default 10): no counting set of fewer electronic ballots is decrypted; frozen with the setup. */
  anonymityMinimum: z.number().int().min(2).max(1000).optional(),
  constituencies: z.array(constituency).min(1).max(50),
});

export const electionSetupSchema = z
  .strictObject({
    format: z.literal('isoloir-election/1'),
    day: z.strictObject({ id: slug, label: labels, votingDate: isoDate }),
    registrationDeadline: isoDate,
    periods: z.strictObject({ hybrid: period, online: period, kiosk: period }),
    residentModes: z.strictObject({ hybrid: residentMode, online: residentMode, kiosk: residentMode }),
    abroadModes: z.array(z.number().int().min(1).max(8)).min(1).max(8),
    onlineRevoteLimit: z.number().int().min(1).max(100),
    /** Per remote mode: CSAM only (the default), or CSAM or a passkey for voters registered abroad. */
    authentication: z.strictObject({ hybrid: loginRule, online: loginRule, kiosk: loginRule }).optional(),
    elections: z.array(election).min(1).max(20),
    /** The career consular posts (and where their kiosk stands). */
    posts: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[a-z0-9-]{2,40}$/),
          label: labels,
          country: z.string().regex(/^[A-Z]{2}$/),
          address: z.string().min(1).max(200),
        }),
      )
      .max(300)
      .default([]),
  })
  .superRefine((setup, ctx) => {
    const ids = new Set<string>();
    setup.elections.forEach((e, i) => {
      if (ids.has(e.id))
        ctx.addIssue({ code: 'custom', path: ['elections', i, 'id'], message: 'duplicate election id' });
      ids.add(e.id);
      if (e.kind === 'european' && e.minimumAge !== 16)
        ctx.addIssue({
          code: 'custom',
          path: ['elections', i, 'minimumAge'],
          message: 'the European Parliament votes from 16',
        });
      if (e.kind !== 'european' && e.minimumAge !== 18)
        ctx.addIssue({ code: 'custom', path: ['elections', i, 'minimumAge'], message: 'this election votes from 18' });
      for (const issue of lawIssues(e))
        ctx.addIssue({ code: 'custom', path: ['elections', i, issue.field], message: issue.message });
      const codes = new Set<string>();
      e.constituencies.forEach((c, j) => {
        if (codes.has(c.code))
          ctx.addIssue({
            code: 'custom',
            path: ['elections', i, 'constituencies', j, 'code'],
            message: 'duplicate constituency code',
          });
        codes.add(c.code);
      });
    });
    for (const [mode, p] of Object.entries(setup.periods)) {
      if (p.closes > setup.day.votingDate)
        ctx.addIssue({ code: 'custom', path: ['periods', mode, 'closes'], message: 'closes after election day' });
    }
    if (setup.registrationDeadline >= setup.day.votingDate)
      ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'not before election day' });
  });

/** The statutory rules of each kind of election (@isoloir/electoral, where they are cited); every regional parliament has D'Hondt and 5 %. */
const STATUTORY: Readonly<Record<'chamber' | 'european' | 'regional', StatutoryElection>> = {
  chamber: CHAMBER,
  european: EUROPEAN,
  regional: FLEMISH,
};

function statutoryThresholdPercent(kind: 'chamber' | 'european' | 'regional'): number {
  const { num, den } = STATUTORY[kind].threshold;
  return Number((num * 100n) / den);
}

/**
 * Method and threshold against the law of the kind of election: D'Hondt everywhere here (CE art.
 * 167; LEPE; act of 16 July 1993 art. 29ter; the Brussels Parliament's quota method gives the same
 * seats), 5 % for the Chamber (CE art. 165bis) and the regional parliaments (art. 29ter), none for the
 * European Parliament.
 */
export function lawIssues(e: {
  readonly kind: 'chamber' | 'european' | 'regional';
  readonly seatMethod: string;
  readonly thresholdPercent?: number | undefined;
}): { readonly field: 'seatMethod' | 'thresholdPercent'; readonly message: string }[] {
  const issues: { field: 'seatMethod' | 'thresholdPercent'; message: string }[] = [];
  if (e.seatMethod !== 'dhondt')
    issues.push({ field: 'seatMethod', message: `the law sets D'Hondt for a ${e.kind} election` });
  const statutory = statutoryThresholdPercent(e.kind);
  if (e.thresholdPercent !== undefined && e.thresholdPercent !== statutory)
    issues.push({
      field: 'thresholdPercent',
      message: `the law sets a threshold of ${String(statutory)} % for a ${e.kind} election`,
    });
  return issues;
}

type ParsedSetup = z.infer<typeof electionSetupSchema>;

/** A setup whose thresholds are set: the statutory one where the file leaves it out. */
export type ElectionSetup = Omit<ParsedSetup, 'elections'> & {
  readonly elections: readonly (ParsedSetup['elections'][number] & { readonly thresholdPercent: number })[];
};

function withThresholds(setup: ParsedSetup): ElectionSetup {
  return {
    ...setup,
    elections: setup.elections.map((e) => ({
      ...e,
      thresholdPercent: e.thresholdPercent ?? statutoryThresholdPercent(e.kind),
    })),
  };
}

/** Validates a parsed JSON value; a failure names the first wrong field. */
export function parseElectionSetup(value: unknown): ElectionSetup {
  const parsed = electionSetupSchema.safeParse(value);
  if (parsed.success) return withThresholds(parsed.data);
  const issue = parsed.error.issues[0];
  const where =
    issue === undefined
      ? undefined
      : issue.path
          .map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '');
  throw new PreparationError('file.invalid', where, `file.invalid (${where ?? ''}: ${issue?.message ?? ''})`);
}

export function parseElectionSetupText(text: string): ElectionSetup {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PreparationError('file.malformed', e instanceof Error ? e.message : undefined);
  }
  return parseElectionSetup(value);
}

export async function assertNotFrozen(trx: Transaction<Schema>, dayId: string): Promise<void> {
  const settings = await trx
    .selectFrom('election_day_settings')
    .select('frozen_at')
    .where('election_day_id', '=', dayId)
    .forUpdate()
    .executeTakeFirst();
  if (settings !== undefined && settings.frozen_at !== null) throw new PreparationError('preparation.frozen', dayId);
}

/** Loads (or updates, while not frozen) an election day from its setup; one transaction, audited. */
export async function importElectionSetup(
  store: Store,
  actor: Actor,
  setup: ElectionSetup,
): Promise<{ readonly dayId: string; readonly hash: string }> {
  // The same check for a setup built in code (the demo) as for a file.
  for (const [i, e] of setup.elections.entries()) {
    const [issue] = lawIssues(e);
    if (issue !== undefined)
      throw new PreparationError(
        'file.invalid',
        `elections[${String(i)}].${issue.field}`,
        `file.invalid (elections[${String(i)}].${issue.field}: ${issue.message})`,
      );
  }
  const hash = createHash('sha256').update(canonicalJson(setup)).digest('hex');
  const dayId = setup.day.id;
  await store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    const day = { label: JSON.stringify(setup.day.label), voting_date: setup.day.votingDate };
    await trx
      .insertInto('election_days')
      .values({ id: dayId, ...day })
      .onConflict((oc) => oc.column('id').doUpdateSet(day))
      .execute();
    for (const e of setup.elections) {
      const owner = await trx
        .selectFrom('elections')
        .select('election_day_id')
        .where('id', '=', e.id)
        .executeTakeFirst();
      if (owner !== undefined && owner.election_day_id !== dayId)
        throw new PreparationError('preparation.exists', `election ${e.id}`);
      const row = {
        election_day_id: dayId,
        kind: e.kind,
        label: JSON.stringify(e.label),
        seat_method: e.seatMethod,
        threshold_percent: e.thresholdPercent,
        minimum_age: e.minimumAge,
        anonymity_minimum: e.anonymityMinimum ?? DEFAULT_ANONYMITY_MINIMUM,
      };
      await trx
        .insertInto('elections')
        .values({ id: e.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      for (const c of e.constituencies) {
        const crow = {
          label: JSON.stringify(c.label),
          seats: c.seats,
          languages: c.languages,
          main_office_address: c.mainOfficeAddress ?? null,
        };
        await trx
          .insertInto('constituencies')
          .values({ election_id: e.id, code: c.code, ...crow })
          .onConflict((oc) => oc.columns(['election_id', 'code']).doUpdateSet(crow))
          .execute();
      }
    }
    const settings = {
      mode_periods: JSON.stringify(setup.periods),
      resident_modes: JSON.stringify(setup.residentModes),
      abroad_modes: [...new Set(setup.abroadModes)].sort(),
      registration_deadline: setup.registrationDeadline,
      online_revote_limit: setup.onlineRevoteLimit,
      mode_authentication: JSON.stringify(setup.authentication ?? CSAM_ONLY),
      setup_hash: hash,
    };
    await trx
      .insertInto('election_day_settings')
      .values({ election_day_id: dayId, ...settings })
      .onConflict((oc) => oc.column('election_day_id').doUpdateSet(settings))
      .execute();
    for (const post of setup.posts) {
      const row = { label: JSON.stringify(post.label), country: post.country, address: post.address };
      await trx
        .insertInto('consular_posts')
        .values({ code: post.code, ...row })
        .onConflict((oc) => oc.column('code').doUpdateSet(row))
        .execute();
    }
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.setup.imported',
      subject: dayId,
      details: { hash, elections: setup.elections.map((e) => e.id), posts: setup.posts.map((p) => p.code) },
    });
  });
  return { dayId, hash };
}

export interface DaySettings {
  readonly dayId: string;
  readonly votingDate: string;
  readonly registrationDeadline: string;
  readonly abroadModes: readonly number[];
  readonly residentModes: Record<'hybrid' | 'online' | 'kiosk', { open: boolean; optIn: boolean }>;
  readonly periods: Record<'hybrid' | 'online' | 'kiosk', { opens: string; closes: string }>;
  readonly onlineRevoteLimit: number;
  /** Per remote mode: CSAM only, or CSAM or a passkey for voters registered abroad. */
  readonly authentication: Record<'hybrid' | 'online' | 'kiosk', 'csam' | 'csam-or-passkey'>;
  readonly frozen: boolean;
  readonly elections: readonly { readonly id: string; readonly kind: string; readonly minimumAge: number }[];
}

export async function daySettings(db: Store['db'] | Transaction<Schema>, dayId: string): Promise<DaySettings> {
  const row = await db
    .selectFrom('election_day_settings as s')
    .innerJoin('election_days as d', 'd.id', 's.election_day_id')
    .select([
      's.election_day_id',
      'd.voting_date',
      's.registration_deadline',
      's.abroad_modes',
      's.resident_modes',
      's.mode_periods',
      's.online_revote_limit',
      's.mode_authentication',
      's.frozen_at',
    ])
    .where('s.election_day_id', '=', dayId)
    .executeTakeFirst();
  if (row === undefined) throw new PreparationError('preparation.not-found', `election day ${dayId}`);
  const elections = await db
    .selectFrom('elections')
    .select(['id', 'kind', 'minimum_age'])
    .where('election_day_id', '=', dayId)
    .orderBy('id')
    .execute();
  return {
    dayId,
    votingDate: row.voting_date,
    registrationDeadline: row.registration_deadline,
    abroadModes: row.abroad_modes.map(Number),
    residentModes: row.resident_modes,
    periods: row.mode_periods,
    onlineRevoteLimit: row.online_revote_limit,
    authentication: { ...row.mode_authentication },
    frozen: row.frozen_at !== null,
    elections: elections.map((e) => ({ id: e.id, kind: e.kind, minimumAge: e.minimum_age })),
  };
}
