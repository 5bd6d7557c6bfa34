// Response schemas of the online ballot box's routes.
import { z } from 'zod';
import { labelsSchema } from './schemas.ts';

export const periodSchema = z.object({
  electionId: z.string(),
  mode: z.enum(['online', 'kiosk']),
  state: z.enum(['unscheduled', 'scheduled', 'open', 'ended', 'closed']),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  maxBallots: z.number().int(),
});

export const receiptSchema = z.object({
  electionId: z.string(),
  constituency: z.string(),
  /** The board head published last before the ballot was accepted (anchor: the ballot is in a later one). */
  boardHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  ballotId: z.string(),
  trackingCode: z.string(),
  receivedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
  sequence: z.number().int(),
  maxBallots: z.number().int(),
  replayed: z.boolean(),
});

export const receiptsSchema = z.object({ receipts: z.array(receiptSchema) });

export const ballotStatusSchema = z.object({
  ballotId: z.string(),
  sequence: z.number().int(),
  trackingCode: z.string(),
  receivedAt: z.string(),
  status: z.enum(['received', 'superseded', 'cancelled', 'counted']),
  cancellationReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
});

export const portalElectionSchema = z.object({
  electionId: z.string(),
  kind: z.string(),
  label: labelsSchema,
  /** The voter's constituency or college; null when they choose one of `choices` in the booth. */
  constituency: z.object({ code: z.string(), label: labelsSchema }).nullable(),
  choices: z.array(z.object({ code: z.string(), label: labelsSchema })),
  /** A linked place: this ballot is offered only with the cast's ballot of `electionId` in `constituency`. */
  requires: z.object({ electionId: z.string(), constituency: z.string() }).nullable(),
  category: z.enum(['belgium', 'abroad']),
  mode: z.number().int().nullable(),
  online: z.boolean(),
  keyPublished: z.boolean(),
  period: periodSchema,
  used: z.number().int(),
  ballots: z.array(ballotStatusSchema),
});

const candidateSchema = z.object({ position: z.number().int(), name: z.string() });

export const boothSchema = z.object({
  election: portalElectionSchema.extend({ constituency: z.object({ code: z.string(), label: labelsSchema }) }),
  voterId: z.string(),
  key: z.object({
    group: z.enum(['secp256k1', 'ristretto255']),
    publicKey: z.string(),
    width: z.number().int(),
    layout: z.object({
      maxListNumber: z.number().int(),
      maxEffectives: z.number().int(),
      maxSubstitutes: z.number().int(),
    }),
  }),
  lists: z.array(
    z.object({
      number: z.number().int(),
      label: z.string(),
      effectives: z.array(candidateSchema),
      substitutes: z.array(candidateSchema),
    }),
  ),
});

export const boardSchema = z.object({
  electionId: z.string(),
  constituencies: z.array(z.object({ code: z.string(), label: labelsSchema, ballots: z.number().int() })),
  constituency: z.string().nullable(),
  entries: z.array(z.strictObject({ trackingCode: z.string() })),
  next: z.string().nullable(),
});
