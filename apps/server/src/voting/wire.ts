// The encrypted ballot as it travels from the voter's device to the ballot box, in the JSON form of
// packages/crypto's record (lowercase hex elements and scalars), and its strict decoding.
import { z } from 'zod';
import { hexToBytes, hexToScalar, type Ciphertext, type EncryptedBallot, type Group } from '@isoloir/crypto';

/** Widest ballot any election may have (ciphertexts); a Chamber ballot has 1 or 2. */
export const MAX_WIDTH = 64;

const hexElement = z.string().regex(/^[0-9a-f]{2,128}$/);
const hexScalar = z.string().regex(/^[0-9a-f]{64}$/);

export const castBodySchema = z.strictObject({
  /** Chosen by the device (UUID v4); bound into the proof; a retried request sends the same one. */
  ballotId: z.uuid(),
  /** The constituency (or college) the voter filled in the ballot of. */
  constituency: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /** [a₁, b₁, a₂, b₂, …]: 2·W group elements. */
  ciphertexts: z
    .array(hexElement)
    .min(2)
    .max(2 * MAX_WIDTH),
  proof: z.strictObject({ challenge: hexScalar, responses: z.array(hexScalar).min(1).max(MAX_WIDTH) }),
});

export type CastBody = z.infer<typeof castBodySchema>;

/** Most elections held on one Belgian day (Chamber, European Parliament, regional, community). */
export const MAX_BALLOTS_PER_REQUEST = 6;

/** The booth's request: one sealed ballot per election, cast together. */
export const castManySchema = z.strictObject({
  ballots: z
    .array(castBodySchema.extend({ electionId: z.string().regex(/^[a-z0-9-]{1,64}$/) }))
    .min(1)
    .max(MAX_BALLOTS_PER_REQUEST),
});

export type DecodeError = 'ballot.width' | 'ballot.malformed';

/** Decodes every element and scalar; the width must be the election's. Never throws. */
export function decodeBallot<P>(
  group: Group<P>,
  width: number,
  body: CastBody,
): { ok: true; ballot: EncryptedBallot<P> } | { ok: false; code: DecodeError } {
  if (body.ciphertexts.length !== 2 * width || body.proof.responses.length !== width)
    return { ok: false, code: 'ballot.width' };
  const ciphertexts: Ciphertext<P>[] = [];
  for (let i = 0; i < body.ciphertexts.length; i += 2) {
    const a = element(group, body.ciphertexts[i]);
    const b = element(group, body.ciphertexts[i + 1]);
    if (a === undefined || b === undefined) return { ok: false, code: 'ballot.malformed' };
    ciphertexts.push({ a, b });
  }
  const challenge = hexToScalar(body.proof.challenge, group.order);
  const responses = body.proof.responses.map((r) => hexToScalar(r, group.order));
  if (challenge === undefined || responses.some((r) => r === undefined)) return { ok: false, code: 'ballot.malformed' };
  return {
    ok: true,
    ballot: { ciphertexts, proof: { challenge, responses: responses.filter((r): r is bigint => r !== undefined) } },
  };
}

function element<P>(group: Group<P>, hex: string | undefined): P | undefined {
  if (hex === undefined) return undefined;
  const bytes = hexToBytes(hex);
  return bytes === undefined || bytes.length !== group.elementLength ? undefined : group.decode(bytes);
}
