// The K-code's public hash, computed on the voter's device (PROTOCOL.md §8, hybrid-receipt-log;
// apps/server/src/hybrid/public-kcode.ts): hex(SHA-256(UTF-8 of `isoloir/v1/kcode-public` LF day LF
// compact code)). The election record lists each envelope under it, never under the voter, so the
// voter finds their own envelope and the decision taken on it without trusting the server's word.
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export async function publicKcodeHash(electionDayId: string, compactCode: string): Promise<string> {
  const bytes = new TextEncoder().encode(`isoloir/v1/kcode-public\n${electionDayId}\n${compactCode}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function PublicKcodeHash({
  electionDayId,
  compactCode,
}: {
  readonly electionDayId: string;
  readonly compactCode: string;
}): ReactNode {
  const { t } = useI18n();
  const [hash, setHash] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void publicKcodeHash(electionDayId, compactCode).then((h) => {
      if (current) setHash(h);
    });
    return () => {
      current = false;
    };
  }, [electionDayId, compactCode]);
  if (hash === null) return null;
  return (
    <p className="public-hash">
      {t('hybrid.status.public-hash')} <code data-public-hash={hash}>{hash}</code>
    </p>
  );
}
