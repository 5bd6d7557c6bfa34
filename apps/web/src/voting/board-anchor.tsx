// The anchored bulletin board in the booth: the election key's fingerprint as published on the board
// (compared on this device with the key the booth was served), and the receipt's signature checked
// on this device against the published receipt key (PROTOCOL.md §9).
import type { ReactNode } from 'react';
import { formatFingerprint } from '@isoloir/crypto';
import { useApi } from '../auth/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Receipt } from './api.ts';
import { fingerprintOf, receiptSignatureValid } from './device-crypto.ts';

export interface PublishedKey {
  readonly electionId: string;
  readonly group: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly opening: {
    readonly seq: number;
    readonly hash: string;
    readonly publishedAt: string;
    readonly keyFingerprint: string;
  } | null;
}

/** The published fingerprint, and whether the key this device was served is that key. */
export function KeyFingerprint({
  electionId,
  served,
  level = 2,
}: {
  readonly electionId: string;
  readonly served: { readonly group: string; readonly publicKey: string };
  readonly level?: 2 | 4;
}): ReactNode {
  const { t } = useI18n();
  const load = useApi<PublishedKey>(`/api/voting/board/${electionId}/key`);
  if (load.state === 'loading') return null;
  const published = load.state === 'done' ? load.value.opening?.keyFingerprint : undefined;
  const mine = fingerprintOf(served.group, served.publicKey);
  const check = published === undefined ? 'unpublished' : published === mine ? 'match' : 'mismatch';
  const body =
    published === undefined ? (
      <p role="alert">{t('board.key.unpublished')}</p>
    ) : (
      <>
        <p>
          {t('board.key.published')}{' '}
          <code className="fingerprint" data-fingerprint={published}>
            {formatFingerprint(published)}
          </code>
        </p>
        <p>{t('board.key.compare')}</p>
        {published === mine ? (
          <p>{t('board.key.match')}</p>
        ) : (
          <p role="alert" className="problem">
            {t('board.key.mismatch')}
          </p>
        )}
      </>
    );
  // On the booth's page: a region of its own; inside the review of several ballots: part of that ballot's item (no landmark).
  return level === 2 ? (
    <section className="key-fingerprint" aria-labelledby={`key-fingerprint-${electionId}`} data-key-check={check}>
      <h2 id={`key-fingerprint-${electionId}`}>{t('board.key.title')}</h2>
      {body}
    </section>
  ) : (
    <div className="key-fingerprint" data-key-check={check}>
      <h4>{t('board.key.title')}</h4>
      {body}
    </div>
  );
}

/** The receipt's signature, checked here with the published receipt key, and the board head it names. */
export function ReceiptCheck({ receipt }: { readonly receipt: Receipt }): ReactNode {
  const { t } = useI18n();
  const load = useApi<{ publicKey: string; keyId: string }>('/api/voting/receipt-key');
  if (load.state === 'loading') return <p>{t('board.receipt.checking')}</p>;
  const valid = load.state === 'done' && receiptSignatureValid(receipt, load.value.publicKey);
  return (
    <div className="receipt-check" data-receipt-signature={valid ? 'valid' : 'invalid'}>
      {valid ? (
        <p>
          ✓ {t('board.receipt.signed')} ({receipt.keyId}).
        </p>
      ) : (
        <p role="alert" className="problem">
          {t('board.receipt.bad')}
        </p>
      )}
      <p>
        {t('board.receipt.head')}:{' '}
        {receipt.boardHead === null ? (
          t('board.receipt.no-head')
        ) : (
          <code className="board-head">
            #{receipt.boardHead.seq} {receipt.boardHead.hash.slice(0, 16)}…
          </code>
        )}
      </p>
    </div>
  );
}
