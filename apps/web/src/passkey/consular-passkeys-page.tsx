// The consular official's screen for passkeys (issue #18): find a voter registered at the post,
// compare with the identity document in front of them, issue a single-use activation code (shown
// once), see the post's passkeys and codes, revoke a passkey.
import { useEffect, useState, type ReactNode, type SyntheticEvent } from 'react';
import { getJson } from '../api.ts';
import { getSession, send } from '../auth/api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';

interface Voter {
  readonly givenNames: string;
  readonly surname: string;
  readonly birthDate: string;
  readonly passkeyModes: readonly number[];
  readonly hasPasskey: boolean;
}

interface Overview {
  readonly passkeys: readonly {
    readonly id: string;
    readonly givenNames: string;
    readonly surname: string;
    readonly createdAt: string;
    readonly revokedAt: string | null;
  }[];
  readonly codes: readonly {
    readonly id: string;
    readonly givenNames: string;
    readonly surname: string;
    readonly issuedAt: string;
    readonly expiresAt: string;
    readonly state: 'open' | 'used' | 'expired' | 'revoked';
  }[];
}

const day = (iso: string): string => iso.slice(0, 10);

export function ConsularPasskeysPage(): ReactNode {
  const { t } = useI18n();
  const [posts, setPosts] = useState<readonly string[]>([]);
  const [post, setPost] = useState('');
  const [nrn, setNrn] = useState('');
  const [voter, setVoter] = useState<Voter | null>(null);
  const [checked, setChecked] = useState(false);
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void getSession().then((s) => {
      const scopes =
        s.ok && s.value.authenticated
          ? s.value.roles.filter((g) => g.role === 'consular-official').map((g) => g.scope ?? '')
          : [];
      setPosts(scopes.filter((scope) => scope !== ''));
      setPost((p) => (p === '' ? (scopes[0] ?? '') : p));
    });
  }, []);
  useEffect(() => {
    if (post === '') return;
    void getJson<Overview>(`/api/passkey/posts/${post}`).then((r) => {
      if (r.ok) setOverview(r.value);
    });
  }, [post, version]);
  const lookup = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    setIssued(null);
    setChecked(false);
    const found = await send<Voter>('POST', `/api/passkey/posts/${post}/lookup`, { nrn });
    if (found.ok) setVoter(found.value);
    else {
      setVoter(null);
      setError(found.code);
    }
  };
  const issue = async (): Promise<void> => {
    setError(null);
    const result = await send<{ code: string; expiresAt: string }>('POST', `/api/passkey/posts/${post}/codes`, {
      nrn,
    });
    if (result.ok) {
      setIssued(result.value);
      setVersion((v) => v + 1);
    } else setError(result.code);
  };
  const revoke = async (id: string): Promise<void> => {
    const result = await send<null>('DELETE', `/api/passkey/posts/${post}/passkeys/${id}`);
    if (!result.ok) setError(result.code);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <h1>{t('pk.post.title')}</h1>
      <p className="lead">{t('pk.post.intro')}</p>
      {posts.length > 1 && (
        <p>
          <label htmlFor="pk-post">{t('pk.post.post')}</label>{' '}
          <select
            id="pk-post"
            value={post}
            onChange={(e) => {
              setPost(e.target.value);
            }}
          >
            {posts.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </p>
      )}
      <section aria-labelledby="pk-find">
        <h2 id="pk-find">{t('pk.post.find')}</h2>
        <form className="prep-form" onSubmit={(e) => void lookup(e)}>
          <label htmlFor="pk-nrn">{t('pk.post.nrn')}</label>
          <input
            id="pk-nrn"
            value={nrn}
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => {
              setNrn(e.target.value);
              setVoter(null);
              setIssued(null);
            }}
            required
          />
          <button type="submit">{t('pk.post.lookup')}</button>
        </form>
        {error !== null && (
          <p role="alert" className="notice error" data-code={error}>
            {t(errorMessageKey(error))}
          </p>
        )}
        {voter !== null && (
          <div className="notice" data-voter="found">
            <p>
              {t('pk.post.check')} <strong>{`${voter.givenNames} ${voter.surname}`}</strong>, {t('pk.post.birth')}{' '}
              <time dateTime={voter.birthDate}>{voter.birthDate}</time>
            </p>
            {voter.hasPasskey && <p>{t('pk.post.has-passkey')}</p>}
            <p>
              <input
                id="pk-checked"
                type="checkbox"
                checked={checked}
                onChange={(e) => {
                  setChecked(e.target.checked);
                }}
              />{' '}
              <label htmlFor="pk-checked">{t('pk.post.checked')}</label>
            </p>
            <button type="button" className="primary" disabled={!checked} onClick={() => void issue()}>
              {t('pk.post.issue')}
            </button>
          </div>
        )}
        {issued !== null && (
          <div role="status" className="notice">
            <p>{t('pk.post.code')}</p>
            <p className="big-code" data-activation-code={issued.code}>
              <strong>{issued.code}</strong>
            </p>
            <p>
              {t('pk.post.expires')} <time dateTime={issued.expiresAt}>{day(issued.expiresAt)}</time>
            </p>
          </div>
        )}
      </section>
      <section aria-labelledby="pk-passkeys">
        <h2 id="pk-passkeys">{t('pk.post.passkeys')}</h2>
        {overview !== null && overview.passkeys.length === 0 && <p>{t('pk.post.none')}</p>}
        {overview !== null && overview.passkeys.length > 0 && (
          <table className="registrations">
            <thead>
              <tr>
                <th scope="col">{t('pk.post.name')}</th>
                <th scope="col">{t('pk.post.created')}</th>
                <th scope="col">{t('pk.post.state')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.passkeys.map((p) => (
                <tr key={p.id} data-passkey={p.id}>
                  <td>{`${p.givenNames} ${p.surname}`}</td>
                  <td>{day(p.createdAt)}</td>
                  <td>
                    {p.revokedAt === null ? (
                      <>
                        {t('pk.post.live')}{' '}
                        <button type="button" onClick={() => void revoke(p.id)}>
                          {t('pk.post.revoke')}
                        </button>
                      </>
                    ) : (
                      t('pk.post.revoked')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="pk-codes">
        <h2 id="pk-codes">{t('pk.post.codes')}</h2>
        {overview !== null && overview.codes.length === 0 && <p>{t('pk.post.none')}</p>}
        {overview !== null && overview.codes.length > 0 && (
          <table className="registrations">
            <thead>
              <tr>
                <th scope="col">{t('pk.post.name')}</th>
                <th scope="col">{t('pk.post.issued')}</th>
                <th scope="col">{t('pk.post.expires')}</th>
                <th scope="col">{t('pk.post.state')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.codes.map((c) => (
                <tr key={c.id}>
                  <td>{`${c.givenNames} ${c.surname}`}</td>
                  <td>{day(c.issuedAt)}</td>
                  <td>{day(c.expiresAt)}</td>
                  <td>{t(`pk.state.${c.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
