// Officials: a dashboard listing the workspaces of the roles they hold, and one workspace per role
// (the server answers 403 to anyone without that role, whatever the browser shows).
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import type { MessageKey } from '../i18n/catalog.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { ROLES, send, type Me, type Role } from './api.ts';
import { LoadProblem } from './me-page.tsx';
import { RoleScreens } from './role-screens.tsx';
import { useScopeName } from './scope-names.ts';
import { formatNumber } from '../i18n/languages.ts';
import { useApi } from './use-api.ts';
import type { Labels } from '../api.ts';

export function OfficialPage(): ReactNode {
  const { t } = useI18n();
  const load = useApi<Me>('/api/me');
  if (load.state !== 'done')
    return (
      <>
        <h1>{t('official.title')}</h1>
        <LoadProblem load={load} />
      </>
    );
  const me = load.value;
  if (me.kind !== 'official')
    return (
      <>
        <h1>{t('official.title')}</h1>
        <p role="alert">{t('error.auth.forbidden')}</p>
      </>
    );
  const roles = [...new Set(me.roles.map((grant) => grant.role))];
  return (
    <>
      <h1>{t('official.title')}</h1>
      <p>
        {me.givenName} {me.surname}
      </p>
      <h2>{t('official.roles')}</h2>
      <ul className="workspaces">
        {roles.map((role) => (
          <li key={role}>
            <Link to={`/official/${role}`}>{t(`role.${role}`)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

interface Workspace {
  readonly role: Role;
  readonly scopes: readonly {
    readonly scope: string | null;
    readonly label: Labels | null;
    readonly voters: number | null;
  }[];
}

export function WorkspacePage({ role }: { readonly role: Role }): ReactNode {
  const { t, language } = useI18n();
  const load = useApi<Workspace>(`/api/me/workspaces/${role}`);
  return (
    <>
      <h1>{t(`role.${role}`)}</h1>
      <p>
        <Link to="/official">{t('official.back')}</Link>
      </p>
      {load.state === 'done' ? (
        <>
          <ul className="scopes">
            {load.value.scopes
              .filter((s) => s.scope !== null)
              .map((s) => (
                <li key={s.scope}>
                  {t('official.scope')}: {s.label?.[language] ?? s.scope}
                  {s.voters === null ? '' : ` · ${t('official.voters')}: ${formatNumber(s.voters, language)}`}
                </li>
              ))}
          </ul>
          <RoleScreens role={role} />
          {role === 'po-admin' && <RolesAdmin />}
        </>
      ) : (
        <LoadProblem load={load} />
      )}
    </>
  );
}

interface OfficialRow {
  readonly id: string;
  readonly givenName: string;
  readonly surname: string;
  readonly roles: readonly { readonly id: string; readonly role: Role; readonly scope: string | null }[];
}

interface GrantRequestRow {
  readonly id: string;
  readonly officialId: string;
  readonly role: Role;
  readonly scope: string | null;
  readonly requestedBy: string;
}

/**
 * Officials and their roles. A role is given in two steps (separation of duties): one administrator
 * asks for it, a SECOND one confirms it in the list of pending grants below (the server refuses a
 * confirmation by the one who asked, and any grant to oneself).
 */
function RolesAdmin(): ReactNode {
  const { t, language } = useI18n();
  const scopeName = useScopeName(language);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const load = useApi<OfficialRow[]>('/api/admin/officials', version);
  const pending = useApi<GrantRequestRow[]>('/api/admin/role-requests', version);
  const done = (result: { ok: boolean; code?: string }, success: MessageKey = 'admin.done'): void => {
    setMessage(result.ok ? t(success) : t(errorMessageKey(result.code ?? 'internal')));
    setVersion((v) => v + 1);
  };
  const grant = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const scope = field('scope');
    done(
      await send('POST', `/api/admin/officials/${encodeURIComponent(field('official'))}/roles`, {
        role: field('role'),
        scope: scope === '' ? null : scope,
      }),
      'admin.requested',
    );
  };
  if (load.state !== 'done') return <LoadProblem load={load} />;
  const nameOf = (id: string): string => {
    const official = load.value.find((o) => o.id === id || `official:${o.id}` === id);
    return official === undefined ? id : `${official.givenName} ${official.surname}`;
  };
  return (
    <section aria-labelledby="officials-title">
      <h2 id="officials-title">{t('admin.officials')}</h2>
      {message !== null && <p role="status">{message}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.roles')}</th>
          </tr>
        </thead>
        <tbody>
          {load.value.map((official) => (
            <tr key={official.id}>
              <th scope="row">
                {official.givenName} {official.surname}
              </th>
              <td>
                <ul>
                  {official.roles.map((r) => (
                    <li key={r.id}>
                      {t(`role.${r.role}`)}
                      {r.scope === null ? '' : ` (${scopeName(r.role, r.scope)})`}{' '}
                      <button
                        type="button"
                        onClick={() => {
                          void send('DELETE', `/api/admin/officials/${official.id}/roles/${r.id}`).then(done);
                        }}
                      >
                        {t('admin.revoke')}
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        onSubmit={(event) => {
          void grant(event);
        }}
        className="grant-form"
      >
        <h3>{t('admin.grant')}</h3>
        <label>
          {t('admin.official')}{' '}
          <select name="official">
            {load.value.map((o) => (
              <option key={o.id} value={o.id}>
                {o.givenName} {o.surname}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.role')}{' '}
          <select name="role">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.scope')} <input name="scope" />
        </label>
        <button type="submit">{t('admin.grant')}</button>
      </form>
      <section aria-labelledby="pending-title">
        <h3 id="pending-title">{t('admin.pending')}</h3>
        {pending.state !== 'done' ? (
          <LoadProblem load={pending} />
        ) : pending.value.length === 0 ? (
          <p>{t('admin.pending-none')}</p>
        ) : (
          <ul className="pending-grants">
            {pending.value.map((r) => (
              <li key={r.id}>
                {nameOf(r.officialId)}: {t(`role.${r.role}`)}
                {r.scope === null ? '' : ` (${r.scope})`}, {t('admin.requested-by')} {nameOf(r.requestedBy)}{' '}
                <button
                  type="button"
                  onClick={() => {
                    void send('POST', `/api/admin/role-requests/${r.id}/confirm`).then((result) => {
                      done(result);
                    });
                  }}
                >
                  {t('admin.confirm')}
                </button>{' '}
                <button
                  type="button"
                  onClick={() => {
                    void send('POST', `/api/admin/role-requests/${r.id}/reject`).then((result) => {
                      done(result);
                    });
                  }}
                >
                  {t('admin.reject')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
