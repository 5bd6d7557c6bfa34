/** Combination of t verified partial decryptions by Lagrange interpolation in the exponent. */
import type { Group } from '../group/group.ts';
import type { Ciphertext } from '../elgamal/elgamal.ts';
import { lagrangeAtZero } from '../keygen/polynomial.ts';
import { err, ok, type Result } from '../result.ts';
import type { PartialDecryption } from './partial-decryption.ts';

export type CombineError = 'too-few-trustees' | 'duplicate-trustee';

/** M = b − Σⱼ λⱼ·dⱼ over the first `threshold` partial decryptions given. */
export function combine<P>(
  group: Group<P>,
  threshold: number,
  cts: readonly (readonly Ciphertext<P>[])[],
  partials: readonly PartialDecryption<P>[],
): Result<P[][], CombineError> {
  const used = partials.slice(0, threshold);
  const indices = used.map((p) => p.trustee);
  if (new Set(indices).size !== indices.length) return err('duplicate-trustee');
  if (used.length < threshold) return err('too-few-trustees');
  const lambdas = indices.map((j) => lagrangeAtZero(indices, j, group.order));
  return ok(
    cts.map((ct, i) =>
      ct.map((c, w) =>
        group.sub(
          c.b,
          group.msm(
            used.map((p) => p.shares[i]?.[w] ?? group.identity),
            lambdas,
          ),
        ),
      ),
    ),
  );
}
