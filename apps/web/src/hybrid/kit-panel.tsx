// A hybrid voter's own page (on the portal `/vote` and at `/hybrid`): the hybrid period, the ballots
// the kit holds, the button that prints the kit (a new K-code each time, the previous one voided) and
// the status of their K-code — the same facts the status page gives for the code.
import { useState, type ReactNode } from 'react';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { localeOf } from '../i18n/languages.ts';
import { Link } from '../router.tsx';
import { localTime } from '../voting/format.ts';
import { fetchKit, type HybridMe } from './api.ts';
import { KcodeFacts } from './kcode-facts.tsx';

function longDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function download(blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'isoloir-hybrid-kit.pdf';
  link.click();
  URL.revokeObjectURL(link.href);
}

export function HybridPanel({ heading = 2 }: { readonly heading?: 1 | 2 }): ReactNode {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const [printing, setPrinting] = useState<'idle' | 'busy' | 'done' | { readonly code: string }>('idle');
  const me = useApi<HybridMe>('/api/hybrid/me', version);
  const Heading = heading === 1 ? 'h1' : 'h2';
  if (me.state !== 'done')
    return (
      <section className="hybrid-panel" aria-labelledby="hybrid-title">
        <Heading id="hybrid-title">{t('hybrid.title')}</Heading>
        <LoadProblem load={me} />
      </section>
    );
  const facts = me.value;
  const print = (): void => {
    setPrinting('busy');
    void fetchKit().then((result) => {
      if (result.ok) download(result.value);
      setPrinting(result.ok ? 'done' : { code: result.code });
      setVersion((v) => v + 1);
    });
  };
  return (
    <section className="hybrid-panel" aria-labelledby="hybrid-title" data-hybrid={facts.registered}>
      <Heading id="hybrid-title">{t('hybrid.title')}</Heading>
      {!facts.registered ? (
        <p data-code="hybrid.not-registered">{t('error.hybrid.not-registered')}</p>
      ) : (
        <>
          <p>{t('hybrid.intro')}</p>
          {facts.period !== null && (
            <p data-period={facts.period.state}>
              {t('hybrid.period')}:{' '}
              {t('hybrid.period.from-to')
                .replaceAll('{opens}', longDate(facts.period.opens, language))
                .replaceAll('{closes}', longDate(facts.period.closes, language))}
            </p>
          )}
          <h3>{t('hybrid.elections')}</h3>
          <ul>
            {facts.elections.map((e) => (
              <li key={`${e.electionId}/${e.constituency.code}`}>
                {e.label[language]} — {e.constituency.label[language]}
              </li>
            ))}
          </ul>
          {facts.kcode !== null && <p className="hint">{t('hybrid.reprint-warning')}</p>}
          {facts.mayPrint ? (
            <p>
              <button type="button" className="button primary" onClick={print} disabled={printing === 'busy'}>
                {t(facts.kcode === null ? 'hybrid.print' : 'hybrid.reprint')}
              </button>
            </p>
          ) : (
            facts.refusal !== null && <p data-code={facts.refusal}>{t(errorMessageKey(facts.refusal))}</p>
          )}
          <div aria-live="polite">
            {printing === 'busy' && <p>{t('hybrid.printing')}</p>}
            {printing === 'done' && <p data-printed>{t('hybrid.printed')}</p>}
            {typeof printing === 'object' && (
              <p role="alert" data-code={printing.code}>
                {t(errorMessageKey(printing.code))}
              </p>
            )}
          </div>
          <h3>{t('hybrid.kcode')}</h3>
          {facts.kcode === null ? (
            <p>{t('hybrid.kcode.none')}</p>
          ) : (
            <>
              <p>
                {t('hybrid.kcode.issued-at')}{' '}
                <time dateTime={facts.kcode.issuedAt}>{localTime(facts.kcode.issuedAt, language)}</time>
              </p>
              <KcodeFacts view={facts.kcode} />
            </>
          )}
          <p>
            <Link to="/hybrid/status">{t('hybrid.status.link')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
