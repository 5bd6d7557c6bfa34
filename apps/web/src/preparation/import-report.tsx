// The result of a file import: counts, the first rejected rows, and the full report to download.
import type { ReactNode } from 'react';
import { codeMessageKey, useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import type { ImportReport } from './api.ts';

export function ImportReportView({ report }: { readonly report: ImportReport }): ReactNode {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('prep.report.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('prep.report.rows')}</dt>
          <dd data-testid="rows">{formatNumber(report.rows, language)}</dd>
        </div>
        <div>
          <dt>{t('prep.report.accepted')}</dt>
          <dd data-testid="accepted">{formatNumber(report.accepted, language)}</dd>
        </div>
        <div>
          <dt>{t('prep.report.rejected')}</dt>
          <dd data-testid="rejected">{formatNumber(report.rejected, language)}</dd>
        </div>
        {report.files.map((f) => (
          <div key={f.scope}>
            <dt>
              {t('prep.report.version')} {f.scope}
            </dt>
            <dd>{formatNumber(f.version, language)}</dd>
          </div>
        ))}
      </dl>
      {report.rejected > 0 && (
        <>
          <p>
            <a href={`/api/preparation/imports/${report.importId}/rejections.csv`} download>
              {t('prep.report.download')}
            </a>
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rejections-caption">
            <table>
              <caption id="rejections-caption">{t('prep.report.rejected')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('prep.report.line')}</th>
                  <th scope="col">{t('prep.report.column')}</th>
                  <th scope="col">{t('prep.report.reason')}</th>
                  <th scope="col">{t('prep.report.value')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejections.map((r) => (
                  <tr key={`${String(r.line)}-${r.column}`}>
                    <td>{r.line}</td>
                    <td>{r.column}</td>
                    <td data-code={r.code}>{t(codeMessageKey('reason', r.code, 'error.file.invalid'))}</td>
                    <td>{r.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
