// The booth: choose a list or blank, then the head box or candidates of that list, review, then
// seal on this device (encrypt + prove) and cast — or audit the sealed ballot (Benaloh), which is
// then never cast, and seal again.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { send } from '../auth/api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import type { Booth, Receipt } from './api.ts';
import { ChoiceReview, ListStep, CandidateStep } from './booth-steps.tsx';
import { plainOf, type Choice } from './choice.ts';
import { auditData, seal, type Sealed } from './device-crypto.ts';
import { DisplayOptions } from './display-options.tsx';

type Step = 'list' | 'candidates' | 'review' | 'audit' | 'sent';

export const AUDIT_STORAGE_KEY = 'isoloir.audit';

function downloadReceipt(receipt: Receipt): void {
  const blob = new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `isoloir-receipt-${receipt.trackingCode.slice(0, 12)}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function BoothPage({ electionId }: { readonly electionId: string }): ReactNode {
  const { t, language } = useI18n();
  const { navigate } = useRouter();
  const load = useApi<Booth>(`/api/voting/elections/${electionId}/booth`);
  const [step, setStep] = useState<Step>('list');
  const [choice, setChoice] = useState<Choice | null>(null);
  const [sealed, setSealed] = useState<Sealed | null>(null);
  const [busy, setBusy] = useState<'encrypting' | 'sending' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [step]);

  if (load.state !== 'done') return <><h1>{t('booth.title')}</h1><LoadProblem load={load} /></>;
  const booth = load.value;

  const reseal = async (next: Choice): Promise<void> => {
    const plain = plainOf(booth, next);
    if (plain === undefined) return;
    setBusy('encrypting');
    setSealed(null);
    const result = await seal(booth, plain);
    document.documentElement.dataset['sealMillis'] = result.millis.toFixed(1);
    setSealed(result);
    setBusy(null);
  };
  const review = (next: Choice): void => {
    setChoice(next);
    setError(null);
    setStep('review');
    void reseal(next);
  };
  const cast = async (): Promise<void> => {
    if (sealed === null) return;
    setBusy('sending');
    setError(null);
    const result = await send<Receipt>('POST', `/api/voting/elections/${electionId}/ballots`, sealed.body);
    setBusy(null);
    if (!result.ok) { setError(result.code); return; }
    setReceipt(result.value);
    setStep('sent');
  };
  const audit = (): void => {
    if (sealed === null) return;
    try { window.sessionStorage.setItem(AUDIT_STORAGE_KEY, JSON.stringify(auditData(booth, sealed))); } catch { /* shown on the page anyway */ }
    setStep('audit');
  };

  return (
    <div className="booth">
      <h1>{t('booth.title')} — {booth.election.label[language]}</h1>
      <p>{booth.election.constituency.label[language]}</p>
      <DisplayOptions />
      <div role="status" aria-live="polite" className="live">{busy === 'encrypting' ? t('booth.encrypting') : busy === 'sending' ? t('booth.sending') : ''}</div>
      {error !== null && <p role="alert" data-code={error}>{t(errorMessageKey(error))}</p>}
      {step === 'list' && <ListStep heading={heading} booth={booth} choice={choice} onBlank={() => { review({ kind: 'blank' }); }} onList={(list) => { setChoice(choice?.kind === 'list' && choice.list === list ? choice : { kind: 'list', list, headBox: false, effectives: [], substitutes: [] }); setStep('candidates'); }} />}
      {step === 'candidates' && choice?.kind === 'list' && <CandidateStep heading={heading} booth={booth} choice={choice} onChange={setChoice} onBack={() => { setStep('list'); }} onNext={() => { review(choice); }} />}
      {step === 'review' && choice !== null && (
        <section aria-labelledby="step-review">
          <h2 id="step-review" ref={heading} tabIndex={-1}>{t('booth.step.review')}</h2>
          <ChoiceReview booth={booth} choice={choice} />
          {sealed !== null && <p>{t('booth.encrypted')} <code className="tracking-code" data-tracking={sealed.trackingCode}>{sealed.trackingCode}</code></p>}
          <div className="actions">
            <button type="button" onClick={() => { setStep(choice.kind === 'blank' ? 'list' : 'candidates'); }}>{t('booth.back')}</button>
            <button type="button" onClick={audit} disabled={sealed === null || busy !== null}>{t('booth.audit')}</button>
            <button type="button" className="primary" onClick={() => { void cast(); }} disabled={sealed === null || busy !== null}>{t('booth.cast')}</button>
          </div>
        </section>
      )}
      {step === 'audit' && sealed !== null && (
        <section aria-labelledby="step-audit">
          <h2 id="step-audit" ref={heading} tabIndex={-1}>{t('booth.audit.title')}</h2>
          <p>{t('booth.audit.intro')}</p>
          <p>{t('vote.tracking-code')}: <code className="tracking-code">{sealed.trackingCode}</code></p>
          <p>{t('booth.audit.randomness')}:</p>
          <ul className="randomness">{sealed.randomness.map((r) => <li key={r}><code>{r}</code></li>)}</ul>
          <div className="actions">
            <Link className="button" to="/vote/verify">{t('booth.audit.verify')}</Link>
            <button type="button" className="primary" onClick={() => { if (choice !== null) { setStep('review'); void reseal(choice); } }}>{t('booth.audit.again')}</button>
          </div>
        </section>
      )}
      {step === 'sent' && receipt !== null && (
        <section aria-labelledby="step-sent">
          <h2 id="step-sent" ref={heading} tabIndex={-1}>{t('booth.sent')}</h2>
          <p className="last-counts">{t('vote.last-counts')} ({receipt.sequence} {t('vote.of')} {receipt.maxBallots})</p>
          <h3>{t('booth.receipt')}</h3>
          <dl className="facts">
            <div><dt>{t('vote.tracking-code')}</dt><dd><code className="tracking-code" data-receipt={receipt.trackingCode}>{receipt.trackingCode}</code></dd></div>
            <div><dt>{t('vote.received-at')}</dt><dd>{new Date(receipt.receivedAt).toLocaleString(`${language}-BE`)}</dd></div>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => { downloadReceipt(receipt); }}>{t('booth.receipt.download')}</button>
            <Link className="button" to={`/board/${electionId}?code=${receipt.trackingCode}`}>{t('booth.receipt.find')}</Link>
            <button type="button" className="primary" onClick={() => { navigate('/vote'); }}>{t('booth.back-portal')}</button>
          </div>
        </section>
      )}
    </div>
  );
}
