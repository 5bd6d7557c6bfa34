// Large text and high contrast, for the portal and the booth; the choice is kept on this device.
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

function useToggle(name: string): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(`isoloir.${name}`) === '1';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    document.documentElement.classList.toggle(name, on);
    try {
      window.localStorage.setItem(`isoloir.${name}`, on ? '1' : '0');
    } catch {
      /* private browsing */
    }
  }, [name, on]);
  return [on, setOn];
}

export function DisplayOptions(): ReactNode {
  const { t } = useI18n();
  const [large, setLarge] = useToggle('large-text');
  const [contrast, setContrast] = useToggle('high-contrast');
  return (
    <fieldset className="display-options">
      <legend>{t('vote.accessibility')}</legend>
      <label>
        <input
          type="checkbox"
          checked={large}
          onChange={(e) => {
            setLarge(e.target.checked);
          }}
        />{' '}
        {t('vote.large-text')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={contrast}
          onChange={(e) => {
            setContrast(e.target.checked);
          }}
        />{' '}
        {t('vote.high-contrast')}
      </label>
    </fieldset>
  );
}
