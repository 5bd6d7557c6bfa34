// A box's step in the double data entry (issue #16, the state machine of
// apps/server/src/hybrid/double-entry.ts): the five steps in order, the current one marked.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

export const BOX_STATES = ['not-started', 'first-entry', 'second-entry', 'differences', 'done'] as const;
export type BoxState = (typeof BOX_STATES)[number];
export type Box = 'belgium' | 'abroad';

export function BoxSteps({ state }: { readonly state: BoxState }): ReactNode {
  const { t } = useI18n();
  return (
    <ol className="box-steps" data-box-state={state} aria-label={t('hc.box.steps')}>
      {BOX_STATES.map((s) => (
        <li key={s} aria-current={s === state ? 'step' : undefined} className={s === state ? 'current' : undefined}>
          {t(`hc.state.${s}`)}
        </li>
      ))}
    </ol>
  );
}

/** The box to work on: Belgium or abroad, in the constituency chosen above. */
export function BoxChooser({
  box,
  onChange,
  constituencyLabel,
}: {
  readonly box: Box;
  readonly onChange: (box: Box) => void;
  readonly constituencyLabel: string;
}): ReactNode {
  const { t } = useI18n();
  return (
    <fieldset className="box-chooser">
      <legend>{t('hc.box.choose')}</legend>
      {(['belgium', 'abroad'] as const).map((b) => (
        <label key={b}>
          <input
            type="radio"
            name="hybrid-box"
            value={b}
            checked={box === b}
            onChange={() => {
              onChange(b);
            }}
          />{' '}
          {constituencyLabel} · {t(`count.category.${b}`)}
        </label>
      ))}
    </fieldset>
  );
}
