// The consular official's screen: register a Belgian abroad with exactly one voting mode.
import { useEffect, useState, type SyntheticEvent, type ReactNode } from 'react';
import { getJson } from '../api.ts';
import { getSession } from '../auth/api.ts';
import { codeMessageKey, errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/catalog.ts';
import { sendJson, communeName, type Commune } from './api.ts';
import { useDay } from './use-day.ts';
import { NextStep } from '../components/next-step.tsx';

interface RegistrationRow {
  readonly nrn: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly mode: number;
  readonly kioskPost?: string;
  readonly status: string;
}

const EMPTY = {
  nrn: '',
  surname: '',
  givenNames: '',
  birthDate: '',
  sex: 'F',
  address: '',
  country: '',
  email: '',
  attachmentNis: '',
  language: 'fr',
  mode: '7',
  kioskPost: '',
};
type FormState = typeof EMPTY;

const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The form's label of each column the server names when it refuses a registration. */
const FIELD_LABEL: Readonly<Record<string, MessageKey>> = {
  nrn: 'prep.field.nrn',
  surname: 'prep.field.surname',
  given_names: 'prep.field.givenNames',
  birth_date: 'prep.field.birthDate',
  sex: 'prep.field.sex',
  address: 'prep.field.address',
  country: 'prep.field.country',
  email: 'prep.field.email',
  attachment_nis: 'prep.field.attachment',
  language: 'prep.field.language',
  mode: 'prep.field.mode',
  kiosk_post: 'prep.field.kioskPost',
};

export function ConsularPage(): ReactNode {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const load = useDay(0);
  const [post, setPost] = useState('');
  const [communes, setCommunes] = useState<readonly Commune[]>([]);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [message, setMessage] = useState<{
    ok: boolean;
    key: MessageKey;
    code?: string;
    reason?: { column: string; key: MessageKey; label: MessageKey | undefined };
  } | null>(null);
  const [rows, setRows] = useState<readonly RegistrationRow[]>([]);
  const day = load.state === 'done' ? load.day : null;
  useEffect(() => {
    void getSession().then((s) => {
      const grant =
        s.ok && s.value.authenticated ? s.value.roles.find((g) => g.role === 'consular-official') : undefined;
      if (grant?.scope !== undefined && grant.scope !== null) setPost(grant.scope);
    });
  }, []);
  useEffect(() => {
    if (day === null) return;
    setPost((p) => (p === '' ? (day.posts[0]?.code ?? '') : p));
    void getJson<Commune[]>(`/api/preparation/days/${day.dayId}/communes`).then((r) => {
      if (r.ok) setCommunes(r.value);
    });
  }, [day]);
  useEffect(() => {
    if (day === null || post === '') return;
    void getJson<RegistrationRow[]>(`/api/preparation/days/${day.dayId}/posts/${post}/registrations`).then((r) => {
      if (r.ok) setRows(r.value);
    });
  }, [day, post, version]);
  const set =
    (key: keyof FormState) =>
    (e: { target: { value: string } }): void => {
      setForm({ ...form, [key]: e.target.value });
    };
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    if (day === null) return;
    const mode = Number(form.mode);
    const body = {
      ...form,
      mode,
      sex: form.sex === 'M' ? 'M' : 'F',
      kioskPost: mode === 8 ? form.kioskPost : undefined,
    };
    const result = await sendJson<{ nrn: string }>(
      'POST',
      `/api/preparation/days/${day.dayId}/posts/${post}/registrations`,
      body,
    );
    if (result.ok) {
      setMessage({ ok: true, key: 'prep.registered' });
      setForm(EMPTY);
      setVersion((v) => v + 1);
    } else {
      // A refused registration says which column and why (`sex: row.sex-mismatch`): both in words.
      const [column = '', reason = ''] = (result.field ?? '').split(': ');
      setMessage({
        ok: false,
        key: errorMessageKey(result.code),
        code: result.code,
        ...(reason === ''
          ? {}
          : {
              reason: {
                column,
                key: codeMessageKey('reason', reason, 'error.registration.invalid'),
                label: FIELD_LABEL[column],
              },
            }),
      });
    }
  };
  const field = (key: keyof FormState, label: MessageKey, type = 'text', autoComplete = 'off'): ReactNode => (
    <>
      <label htmlFor={`reg-${key}`}>{t(label)}</label>
      <input
        id={`reg-${key}`}
        type={type}
        value={form[key]}
        onChange={set(key)}
        autoComplete={autoComplete}
        required={key !== 'email'}
      />
    </>
  );
  return (
    <>
      <h1>{t('prep.consular.title')}</h1>
      {day !== null && (
        <p>
          {t('prep.consular.post')}: <strong>{day.posts.find((p) => p.code === post)?.label[language] ?? post}</strong>
        </p>
      )}
      <form
        className="prep-form"
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        {field('nrn', 'prep.field.nrn')}
        {field('surname', 'prep.field.surname')}
        {field('givenNames', 'prep.field.givenNames')}
        {field('birthDate', 'prep.field.birthDate', 'date')}
        <label htmlFor="reg-sex">{t('prep.field.sex')}</label>
        <select id="reg-sex" value={form.sex} onChange={set('sex')}>
          <option value="F">{t('prep.field.sexF')}</option>
          <option value="M">{t('prep.field.sexM')}</option>
        </select>
        {field('address', 'prep.field.address')}
        {field('country', 'prep.field.country')}
        {field('email', 'prep.field.email', 'email')}
        <label htmlFor="reg-attachmentNis">{t('prep.field.attachment')}</label>
        <select id="reg-attachmentNis" value={form.attachmentNis} onChange={set('attachmentNis')} required>
          <option value="">–</option>
          {communes.map((c) => (
            <option key={c.nis} value={c.nis}>
              {c.nis} – {communeName(c, language)}
            </option>
          ))}
        </select>
        <label htmlFor="reg-language">{t('prep.field.language')}</label>
        <select id="reg-language" value={form.language} onChange={set('language')}>
          <option value="fr">FR</option>
          <option value="nl">NL</option>
          <option value="de">DE</option>
        </select>
        <label htmlFor="reg-mode">{t('prep.field.mode')}</label>
        <select id="reg-mode" value={form.mode} onChange={set('mode')}>
          {(day?.abroadModes ?? []).map((m) => (
            <option key={m} value={String(m)}>
              {t(`prep.mode.${String(m)}` as MessageKey)}
            </option>
          ))}
        </select>
        {form.mode === '8' && (
          <>
            <label htmlFor="reg-kioskPost">{t('prep.field.kioskPost')}</label>
            <select id="reg-kioskPost" value={form.kioskPost} onChange={set('kioskPost')} required>
              <option value="">–</option>
              {(day?.posts ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {p.label[language]}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit">{t('prep.register')}</button>
      </form>
      {message !== null && (
        <p role={message.ok ? 'status' : 'alert'} data-code={message.code}>
          {t(message.key)}
          {message.reason !== undefined && (
            <>
              {' '}
              <span data-reason={message.reason.column}>
                {upperFirst(t(message.reason.key))}
                {message.reason.label === undefined ? '' : ` (${t(message.reason.label)})`}.
              </span>
            </>
          )}
        </p>
      )}
      {message?.ok === true && (
        <NextStep text="next.registered" links={[{ to: '/official/consular-official', label: 'next.workspace' }]} />
      )}
      <h2>{t('prep.registrations')}</h2>
      <ul className="registrations">
        {rows.map((r) => (
          <li key={r.nrn}>
            {r.surname} {r.givenNames} – {t(`prep.mode.${String(r.mode)}` as MessageKey)}
            {r.kioskPost === undefined
              ? ''
              : ` (${day?.posts.find((p) => p.code === r.kioskPost)?.label[language] ?? r.kioskPost})`}
          </li>
        ))}
      </ul>
    </>
  );
}
