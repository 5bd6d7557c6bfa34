// What Team A does with one outer envelope at the main office (issue #16), as a pure function of the
// facts the server holds when the K-code is scanned. The seed: the envelope is dated on receipt, the
// voter's identity and the uniqueness of the vote checked against those who already voted (polling
// stations, earlier hybrid envelopes); a voter who also voted at a polling station → the hybrid vote
// is cancelled and the polling-station vote kept; a second hybrid envelope of the same voter → the
// second is cancelled, the first kept.
//
// The checks, in this order (the first that fails names the reason):
// 1. `kcode-unknown`: no kit of that day bears the code (a typing error is caught before: the check
//    character);
// 2. `kcode-voided`: the voter printed a kit again afterwards, which voided this code; the envelope
//    of the last kit is the one that counts, whichever Team A scans first;
// 3. `wrong-main-office`: the code's voter belongs to another main office (their Chamber
//    constituency's, printed on the label); the envelope is forwarded there, its code untouched;
// 4. `second-envelope`: an envelope with this code was already received (two envelopes with one
//    label: the first scanned is kept);
// 5. `arrived-late`: received after the end of the hybrid period ([U] the law's deadline for the
//    arrival of a hybrid envelope is not settled; taken here as the end of the setup's
//    `periods.hybrid`, Belgian time, as the kit's instructions say);
// 6. `voted-at-polling-station`: the voter is on a polling-station list already in (the
//    polling-station vote is kept; envelopes accepted before the lists come in are checked again
//    then, by box and order number);
// otherwise accepted: the inner envelope goes into the box of the voter's category.
import type { KcodeState } from './kcode-state.ts';

export const SET_ASIDE_REASONS = [
  'kcode-unknown',
  'kcode-voided',
  'wrong-main-office',
  'second-envelope',
  'arrived-late',
  'voted-at-polling-station',
] as const;
export type SetAsideReason = (typeof SET_ASIDE_REASONS)[number];

export interface EnvelopeFacts {
  /** The K-code's row and its voter's main office and category; undefined when no kit bears the code. */
  readonly kcode:
    { readonly state: KcodeState; readonly office: string; readonly category: 'belgium' | 'abroad' } | undefined;
  /** The main office scanning the envelope. */
  readonly office: string;
  readonly receivedAt: Date;
  /** The end of the hybrid period: envelopes received from then on are late. */
  readonly closesAt: Date;
  readonly votedAtPollingStation: boolean;
}

export type ReceptionDecision =
  | { readonly outcome: 'accepted'; readonly box: 'belgium' | 'abroad' }
  | { readonly outcome: 'set-aside'; readonly reason: SetAsideReason };

export function receptionDecision(facts: EnvelopeFacts): ReceptionDecision {
  const setAside = (reason: SetAsideReason): ReceptionDecision => ({ outcome: 'set-aside', reason });
  const { kcode } = facts;
  if (kcode === undefined) return setAside('kcode-unknown');
  if (kcode.state === 'voided') return setAside('kcode-voided');
  if (kcode.office !== facts.office) return setAside('wrong-main-office');
  if (kcode.state !== 'issued') return setAside('second-envelope');
  if (facts.receivedAt >= facts.closesAt) return setAside('arrived-late');
  if (facts.votedAtPollingStation) return setAside('voted-at-polling-station');
  return { outcome: 'accepted', box: kcode.category };
}

/** The K-code's next state after a decision, if it moves (the voter's status page shows it). */
export function kcodeAfter(
  decision: ReceptionDecision,
): { readonly state: 'received' } | { readonly state: 'cancelled'; readonly reason: string } | undefined {
  if (decision.outcome === 'accepted') return { state: 'received' };
  // Only a decision about the voter's own live code moves it: an unknown, voided, forwarded or
  // duplicate envelope leaves the code as it is.
  if (decision.reason === 'arrived-late' || decision.reason === 'voted-at-polling-station')
    return { state: 'cancelled', reason: decision.reason };
  return undefined;
}
