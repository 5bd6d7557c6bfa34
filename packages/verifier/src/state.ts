import type { Group } from '@isoloir/crypto';
import type { Layout, Decoded } from './decode-ballot.ts';
import type { MsmService } from './msm-service.ts';

export interface State<P> {
  readonly group: Group<P>;
  readonly electionId: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly layout: Layout;
  readonly width: number;
  readonly groupIds: readonly string[];
  readonly dealers: Map<number, { commitments: P[]; valid: boolean }>;
  readonly disqualified: Set<number>;
  pk: P | undefined;
  readonly vks: Map<number, P>;
  readonly ballots: Map<string, { groupId: string; voterId: string; cts: Uint8Array[] }>;
  readonly seenCiphertexts: Map<string, string>;
  readonly castOrder: Map<string, string[]>;
  readonly cancelled: Set<string>;
  /** Ciphertexts currently at the end of each group's mix chain (input, then each shuffle). */
  readonly current: Map<string, Uint8Array[][]>;
  readonly mixNodes: Map<string, number>;
  readonly validPartials: Map<string, Map<number, Uint8Array[][]>>;
  readonly decoded: Map<string, Decoded[]>;
  readonly counted: Set<string>;
  shuffles: number;
  readonly msm: MsmService;
}
