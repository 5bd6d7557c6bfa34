// The encoding form of one paper ballot, fast from the keyboard (a clerk encodes hundreds): Enter in
// any field records the ballot, the form is cleared and the focus goes back to the list's number for
// the next one. What the fields say is shown in words, with how the law reads it, before Enter.
import { useRef, useState, type ReactNode } from 'react';
import type { MarkedBallot } from '@isoloir/electoral';
import { useI18n } from '../../i18n/i18n.tsx';
import { ballotOf, EMPTY_FIELDS, PAPER_STATES, type BallotFields, type PaperList } from './ballot.ts';
import { useBallotWords } from './ballot-words.tsx';

export function BallotForm({
  id,
  lists,
  submit,
  label,
}: {
  /** Prefix of the fields' ids (two forms on one page stay distinct). */
  readonly id: string;
  readonly lists: readonly PaperList[];
  /** Records the ballot; true when it was recorded (the form is then cleared). */
  readonly submit: (ballot: MarkedBallot) => Promise<boolean>;
  readonly label: string;
}): ReactNode {
  const { t } = useI18n();
  const [fields, setFields] = useState<BallotFields>(EMPTY_FIELDS);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const words = useBallotWords(lists);
  const read = ballotOf(fields);
  const set = (change: Partial<BallotFields>): void => {
    setFields((f) => ({ ...f, ...change }));
  };
  const text = (name: 'list' | 'effectives' | 'substitutes' | 'other', help?: string): ReactNode => (
    <div className="ballot-field">
      <label htmlFor={`${id}-${name}`}>{t(`hc.field.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        ref={name === 'list' ? first : undefined}
        value={fields[name]}
        inputMode={name === 'other' ? 'text' : 'numeric'}
        autoComplete="off"
        aria-invalid={!read.ok && read.field === name}
        aria-describedby={help}
        onChange={(e) => {
          set({ [name]: e.target.value });
        }}
      />
    </div>
  );
  return (
    <form
      className="ballot-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!read.ok || busy) return;
        setBusy(true);
        void submit(read.ballot).then((recorded) => {
          setBusy(false);
          if (recorded) setFields(EMPTY_FIELDS);
          first.current?.focus();
        });
      }}
    >
      {text('list')}
      <div className="ballot-field">
        <input
          id={`${id}-head`}
          type="checkbox"
          checked={fields.head}
          onChange={(e) => {
            set({ head: e.target.checked });
          }}
        />
        <label htmlFor={`${id}-head`}>{t('hc.field.head')}</label>
      </div>
      {text('effectives')}
      {text('substitutes')}
      {text('other', `${id}-other-help`)}
      <p id={`${id}-other-help`} className="hint">
        {t('hc.field.other-help')}
      </p>
      <div className="ballot-field">
        <label htmlFor={`${id}-paper`}>{t('hc.field.paper')}</label>
        <select
          id={`${id}-paper`}
          value={fields.paper}
          onChange={(e) => {
            const paper = PAPER_STATES.find((p) => p === e.currentTarget.value) ?? 'official';
            set({ paper });
          }}
        >
          {PAPER_STATES.map((p) => (
            <option key={p} value={p}>
              {t(`hc.paper.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="ballot-reads" data-ballot-reads={read.ok ? 'ok' : read.field}>
        {read.ok
          ? `${t('hc.ballot.reads')} ${words(read.ballot).marks} — ${words(read.ballot).law}`
          : t(`hc.field.bad.${read.field}`)}
      </p>
      <button type="submit" disabled={busy || !read.ok}>
        {label}
      </button>
    </form>
  );
}
