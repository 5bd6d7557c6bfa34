// The post's kiosk operator (`/kiosk/operator`): a single-use enrolment code for a new kiosk (shown
// once), the post's kiosks with their last heartbeat and the sealed ballots waiting on each, revoke.
import { useEffect, useState, type ReactNode } from 'react';
import { getJson } from '../api.ts';
import { getSession, send } from '../auth/api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';

interface KioskView {
  readonly id: string;
  readonly label: string;
  readonly enrolledAt: string;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
  readonly queued: number;
}

export function KioskOperatorPage(): ReactNode {
  const { t } = useI18n();
  const [post, setPost] = useState('');
  const [kiosks, setKiosks] = useState<readonly KioskView[]>([]);
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void getSession().then((s) => {
      const scopes =
        s.ok && s.value.authenticated
          ? s.value.roles.filter((g) => g.role === 'kiosk-operator').map((g) => g.scope)
          : [];
      setPost(scopes.find((scope) => scope !== null) ?? '');
    });
  }, []);
  useEffect(() => {
    if (post === '') return;
    const refresh = (): void => {
      void getJson<{ kiosks: KioskView[] }>(`/api/kiosk/posts/${post}/kiosks`).then((r) => {
        if (r.ok) setKiosks(r.value.kiosks);
        else setError(r.code);
      });
    };
    refresh();
    const timer = setInterval(refresh, 10_000);
    return () => {
      clearInterval(timer);
    };
  }, [post, version]);
  const act = async (path: string): Promise<void> => {
    const result = await send<{ code?: string } | null>('POST', path, {});
    if (!result.ok) setError(result.code);
    else if (result.value?.code !== undefined) setIssued(result.value.code);
    setVersion((v) => v + 1);
  };
  return (
    <section aria-labelledby="kiosk-operator">
      <h1 id="kiosk-operator">{t('kiosk.op.title')}</h1>
      <p>
        {t('kiosk.op.post')}: <strong>{post}</strong>
      </p>
      {error !== null && (
        <p role="alert" data-code={error}>
          {t(errorMessageKey(error))}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={post === ''}
        onClick={() => void act(`/api/kiosk/posts/${post}/codes`)}
      >
        {t('kiosk.op.code')}
      </button>
      {issued !== null && (
        <p>
          {t('kiosk.op.code.shown')}: <code data-enrolment-code={issued}>{issued}</code>
        </p>
      )}
      {kiosks.length === 0 ? (
        <p>{t('kiosk.op.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('kiosk.op.label')}</th>
              <th scope="col">{t('kiosk.op.state')}</th>
              <th scope="col">{t('kiosk.op.seen')}</th>
              <th scope="col">{t('kiosk.op.queued')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('kiosk.op.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {kiosks.map((k) => (
              <tr key={k.id} data-kiosk-row={k.id}>
                <th scope="row">{k.label}</th>
                <td>{t(k.revokedAt === null ? 'kiosk.op.active' : 'kiosk.op.revoked')}</td>
                <td>{k.lastSeenAt === null ? t('kiosk.op.never') : new Date(k.lastSeenAt).toLocaleString()}</td>
                <td data-queued={k.queued}>{k.queued}</td>
                <td>
                  {k.revokedAt === null && (
                    <button
                      type="button"
                      aria-label={`${t('kiosk.op.revoke')}: ${k.label}`}
                      onClick={() => void act(`/api/kiosk/posts/${post}/kiosks/${k.id}/revoke`)}
                    >
                      {t('kiosk.op.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
