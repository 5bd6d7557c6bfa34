// The commune official's screen: load the commune's voter file (CSV) and see the rejected rows.
import { useEffect, useState, type SyntheticEvent, type ReactNode } from 'react';
import { getJson } from '../api.ts';
import { getSession } from '../auth/api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { uploadCsv, type Commune, type ImportReport } from './api.ts';
import { ImportReportView } from './import-report.tsx';
import { useDay } from './use-day.ts';

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
  useEffect(() => {
    // A commune official starts on their own commune.
    void getSession().then((session) => {
      const grant =
        session.ok && session.value.authenticated
          ? session.value.roles.find((g) => g.role === 'commune-official')
          : undefined;
      if (grant?.scope !== undefined && grant.scope !== null) setNis(grant.scope);
    });
  }, []);
  useEffect(() => {
    if (dayId === null) return;
    void getJson<Commune[]>(`/api/preparation/days/${dayId}/communes`).then((r) => {
      if (r.ok) {
        setCommunes(r.value);
        setNis((current) => (current === '' ? (r.value[0]?.nis ?? '') : current));
      }
    });
  }, [dayId]);
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
          {communes.map((c) => (
            <option key={c.nis} value={c.nis}>
              {c.nis} – {language === 'nl' ? c.names.nl : language === 'de' ? c.names.de : c.names.fr}
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
    </>
  );
}
