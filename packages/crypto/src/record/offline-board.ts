/**
 * The anchored bulletin board (PROTOCOL.md §9) of an election run offline (run-election.ts): an
 * opening head with the election key's fingerprint before the first ballot, a periodic head every
 * `every` ballots, a closing head after the last one; each chained and signed by the board's
 * Ed25519 key, as the server's clerk does (apps/server/src/voting/board-heads.ts).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { boardHeadHash, type BoardHeadKind } from '../board/board-head.ts';
import { boardKeyId, headMessage } from '../board/signatures.ts';
import { bytesToHex } from '../group/scalar.ts';
import type { BoardHeadPayload } from './record-types.ts';

export class OfflineBoard {
  readonly #seed = ed25519.utils.randomSecretKey();
  readonly #signingKey = bytesToHex(ed25519.getPublicKey(this.#seed));
  readonly #keyId = boardKeyId(this.#signingKey);
  #last: BoardHeadPayload | undefined;
  #pending: string[] = [];
  private readonly electionId: string;
  private readonly keyFingerprint: string;
  constructor(electionId: string, keyFingerprint: string) {
    this.electionId = electionId;
    this.keyFingerprint = keyFingerprint;
  }

  /** A ballot accepted: its tracking code waits for the next head. */
  accept(code: string): void {
    this.#pending.push(code);
  }

  get pending(): number {
    return this.#pending.length;
  }

  /** Publishes the next head, covering every code accepted since the previous one. */
  publish(kind: BoardHeadKind, publishedAt: string): BoardHeadPayload {
    const seq = this.#last === undefined ? 0 : this.#last.seq + 1;
    const trackingCodes = [...this.#pending].sort();
    this.#pending = [];
    const content = {
      electionId: this.electionId,
      seq,
      kind,
      previous: this.#last?.hash ?? '',
      publishedAt,
      keyFingerprint: this.keyFingerprint,
      total: (this.#last?.total ?? 0) + trackingCodes.length,
      trackingCodes,
    };
    const hash = boardHeadHash(content);
    const signature = bytesToHex(
      ed25519.sign(headMessage({ electionId: this.electionId, seq, kind, hash, keyId: this.#keyId }), this.#seed),
    );
    const { electionId: _, ...rest } = content;
    this.#last = { ...rest, hash, keyId: this.#keyId, signingKey: this.#signingKey, signature };
    return this.#last;
  }
}
