// Every refused cast leaves an audit entry (its own small transaction): who, which election, why.
// Nothing of the ballot itself is kept.
import { appendAudit, type Store } from '@isoloir/store';

export async function auditRefusal(
  store: Store,
  refusal: {
    /** The voter's keyed pseudonym (`voterActor`), 'anonymous' without a voter session. */
    readonly actor: string;
    readonly electionId: string;
    readonly code: string;
    readonly field?: string | undefined;
  },
  now: Date,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await appendAudit(
      trx,
      {
        actor: refusal.actor,
        action: 'ballot.refused',
        subject: refusal.electionId,
        details: { code: refusal.code, field: refusal.field ?? null },
      },
      now,
    );
  });
}
