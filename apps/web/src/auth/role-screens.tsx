// What each official's role does, in words, and the links to each of its screens; where a role's
// work happens elsewhere (a trustee's own machine, a kiosk at the consular post), the way to do it.
import type { ReactNode } from 'react';
import type { ElectionSummary } from '../api.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type { Role } from './api.ts';
import { useApi } from './use-api.ts';

interface Screen {
  readonly to: string;
  readonly label: MessageKey;
  /** An address the server answers itself (a file, the API docs), not a page of this app. */
  readonly external?: boolean;
}

const BOARD: Screen = { to: '/board', label: 'ws.link.board' };
const API: Screen = { to: '/api/docs', label: 'ws.link.api', external: true };

export const ROLE_SCREENS: Readonly<Record<Role, { readonly text: MessageKey; readonly screens: readonly Screen[] }>> =
  {
    'po-admin': {
      text: 'ws.po-admin.text',
      screens: [
        { to: '/preparation/authority', label: 'ws.link.preparation-authority' },
        { to: '/counting/ceremony', label: 'ws.link.ceremony' },
        { to: '/counting/periods', label: 'ws.link.periods' },
        { to: '/counting/office', label: 'ws.link.office' },
        { to: '/counting/office/hybrid', label: 'hc.link.differences' },
        BOARD,
        API,
      ],
    },
    'commune-official': {
      text: 'ws.commune-official.text',
      screens: [{ to: '/preparation/commune', label: 'ws.link.preparation-commune' }],
    },
    'consular-official': {
      text: 'ws.consular-official.text',
      screens: [
        { to: '/preparation/consular', label: 'ws.link.preparation-consular' },
        { to: '/passkey/consular', label: 'ws.link.passkeys' },
      ],
    },
    'team-a': {
      text: 'ws.team-a.text',
      screens: [
        { to: '/counting/team-a', label: 'ws.link.team-a' },
        { to: '/counting/team-a/hybrid', label: 'hc.link.reception' },
      ],
    },
    'team-b': {
      text: 'ws.team-b.text',
      screens: [
        { to: '/counting/team-b', label: 'ws.link.team-b' },
        { to: '/counting/team-b/hybrid', label: 'hc.link.entry' },
      ],
    },
    president: {
      text: 'ws.president.text',
      screens: [
        { to: '/counting/office', label: 'ws.link.office' },
        { to: '/counting/office/hybrid', label: 'hc.link.differences' },
        BOARD,
        API,
      ],
    },
    trustee: { text: 'ws.trustee.text', screens: [BOARD] },
    'kiosk-operator': {
      text: 'ws.kiosk-operator.text',
      screens: [BOARD, { to: '/api/auth/login?as=voter', label: 'ws.link.booth', external: true }],
    },
    observer: { text: 'ws.observer.text', screens: [BOARD] },
  };

/** The trustee's two commands, to run on their own machine (see the README, "The key ceremony"). */
function TrusteeCommands(): ReactNode {
  const { t, language } = useI18n();
  const elections = useApi<ElectionSummary[]>('/api/elections');
  const server = window.location.origin;
  const election = elections.state === 'done' ? (elections.value[0]?.id ?? 'ELECTION') : 'ELECTION';
  return (
    <section aria-labelledby="cli-title">
      <h2 id="cli-title">{t('ws.cli')}</h2>
      <p>{t('ws.trustee.keygen')}</p>
      <pre className="cli" data-cli="keygen">
        {`ISOLOIR_TRUSTEE_PASSPHRASE='…' npx isoloir trustee keygen --server ${server} --election ${election} --trustee J --out my-share.json --peer-fingerprints peers.txt`}
      </pre>
      <p>{t('ws.trustee.count')}</p>
      <pre className="cli" data-cli="count">
        {`ISOLOIR_TRUSTEE_PASSPHRASE='…' npx isoloir trustee --server ${server} --share my-share.json`}
      </pre>
      {elections.state === 'done' && (
        <ul className="screens">
          {elections.value.map((e) => (
            <li key={e.id}>
              <a href={`/api/counting/public/${e.id}/ceremony`}>
                {t('ws.link.ceremony-public')} — {e.label[language]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RoleScreens({ role }: { readonly role: Role }): ReactNode {
  const { t } = useI18n();
  const { text, screens } = ROLE_SCREENS[role];
  return (
    <>
      <p className="lead">{t(text)}</p>
      {role === 'kiosk-operator' && <p>{t('ws.kiosk-operator.steps')}</p>}
      <h2>{t('ws.screens')}</h2>
      <ul className="screens" data-role-screens={role}>
        {screens.map((screen) => (
          <li key={screen.to}>
            {screen.external === true ? (
              <a href={screen.to}>{t(screen.label)}</a>
            ) : (
              <Link to={screen.to}>{t(screen.label)}</Link>
            )}
          </li>
        ))}
      </ul>
      {role === 'trustee' && <TrusteeCommands />}
    </>
  );
}
