/** Bulk steps of threshold decryption over encoded data (see parallel/runner.ts). */
import type { Group } from '../group/group.ts';

function mustDecode<P>(group: Group<P>, bytes: Uint8Array | undefined): P {
  const p = bytes === undefined ? undefined : group.decode(bytes);
  if (p === undefined) throw new Error('decrypt kernel: invalid element');
  return p;
}

export type DecryptKernelInput =
  | { readonly op: 'shares'; readonly secret: bigint; readonly a: readonly Uint8Array[] }
  | {
      readonly op: 'batch';
      readonly a: readonly Uint8Array[];
      readonly d: readonly Uint8Array[];
      readonly rho: readonly bigint[];
    }
  | {
      readonly op: 'combine';
      readonly b: readonly Uint8Array[];
      readonly shares: readonly (readonly Uint8Array[])[];
      readonly lambdas: readonly bigint[];
    };

/** shares: dₖ = x·aₖ; batch: (Σ ρₖ·aₖ, Σ ρₖ·dₖ); combine: Mₖ = bₖ − Σⱼ λⱼ·dⱼₖ. */
export function decryptShares<P>(group: Group<P>, input: DecryptKernelInput): Uint8Array[] {
  switch (input.op) {
    case 'shares':
      return input.a.map((a) => group.encode(group.mul(mustDecode(group, a), input.secret)));
    case 'batch':
      return [
        group.encode(
          group.msm(
            input.a.map((a) => mustDecode(group, a)),
            input.rho,
          ),
        ),
        group.encode(
          group.msm(
            input.d.map((d) => mustDecode(group, d)),
            input.rho,
          ),
        ),
      ];
    case 'combine':
      return input.b.map((b, k) => {
        const ds = input.shares.map((row) => mustDecode(group, row[k]));
        return group.encode(group.sub(mustDecode(group, b), group.msm(ds, input.lambdas)));
      });
  }
}
