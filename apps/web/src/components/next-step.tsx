// "Next step": what to do after the step just done, with the links that lead there.
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/catalog.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function NextStep({
  text,
  links = [],
  id = 'next-step',
}: {
  readonly text: MessageKey;
  readonly links?: readonly { readonly to: string; readonly label: MessageKey; readonly primary?: boolean }[];
  readonly id?: string;
}): ReactNode {
  const { t } = useI18n();
  return (
    <section className="next-step" aria-labelledby={id} data-next-step={text}>
      <h2 id={id}>{t('next.title')}</h2>
      <p>{t(text)}</p>
      {links.length > 0 && (
        <p className="actions">
          {links.map((link) => (
            <Link key={link.to} className={link.primary === true ? 'button primary' : 'button'} to={link.to}>
              {t(link.label)}
            </Link>
          ))}
        </p>
      )}
    </section>
  );
}
