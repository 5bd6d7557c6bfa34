// The commune official's screen: load the commune's voter file (CSV) and see the rejected rows.
import { useEffect, useMemo, useState, type SyntheticEvent, type ReactNode } from 'react';
import { getJson } from '../api.ts';
import { getSession } from '../auth/api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { uploadCsv, communeName, type Commune, type ImportReport } from './api.ts';
import { ImportReportView } from './import-report.tsx';
import { useDay } from './use-day.ts';
import { NextStep } from '../components/next-step.tsx';

export function CommunePage(): ReactNode {
  const { t, language } = useI18n();
  const load = useDay(0);
  const [communes, setCommunes] = useState<readonly Commune[]>([]);
  const [nis, setNis] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const dayId = load.state === 'done' ? load.day.dayId : null;
  // A commune official sees only the communes of their roles; the organising authority sees all.
  const [own, setOwn] = useState<readonly string[] | null>(null);
  useEffect(() => {
    void getSession().then((session) => {
      const roles = session.ok && session.value.authenticated ? session.value.roles : [];
      const scopes = roles.filter((g) => g.role === 'commune-official' && g.scope !== null).map((g) => g.scope ?? '');
      setOwn(roles.some((g) => g.role === 'po-admin') ? null : scopes);
      if (scopes[0] !== undefined) setNis(scopes[0]);
    });
  }, []);
  useEffect(() => {
    if (dayId === null) return;
    void getJson<Commune[]>(`/api/preparation/days/${dayId}/communes`).then((r) => {
      if (r.ok) setCommunes(r.value);
    });
  }, [dayId]);
  const shown = useMemo(() => (own === null ? communes : communes.filter((c) => own.includes(c.nis))), [own, communes]);
  useEffect(() => {
    setNis((current) =>
      current === '' || !shown.some((c) => c.nis === current) ? (shown[0]?.nis ?? current) : current,
    );
  }, [shown]);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    if (dayId === null || file === null) return;
    setBusy(true);
    setProblem(null);
    const result = await uploadCsv<ImportReport>(`/api/preparation/days/${dayId}/commune-voters?commune=${nis}`, file);
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setProblem(result.code);
  };
  return (
    <>
      <h1>{t('prep.commune.title')}</h1>
      {load.state === 'error' && <p role="alert">{t(errorMessageKey(load.code))}</p>}
      <form
        className="prep-form"
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        <label htmlFor="commune">{t('prep.commune.choose')}</label>
        <select
          id="commune"
          value={nis}
          onChange={(e) => {
            setNis(e.target.value);
          }}
        >
          {shown.map((c) => (
            <option key={c.nis} value={c.nis}>
              {c.nis} – {communeName(c, language)}
            </option>
          ))}
        </select>
        <label htmlFor="file">{t('prep.file')}</label>
        <input
          id="file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
          }}
        />
        <button type="submit" disabled={busy || file === null}>
          {busy ? t('prep.importing') : t('prep.import')}
        </button>
      </form>
      {problem !== null && (
        <p role="alert" data-code={problem}>
          {t(errorMessageKey(problem))}
        </p>
      )}
      {report !== null && <ImportReportView report={report} />}
      {report !== null && (
        <NextStep
          text="next.commune-imported"
          links={[{ to: '/official/commune-official', label: 'next.workspace' }]}
        />
      )}
    </>
  );
}
