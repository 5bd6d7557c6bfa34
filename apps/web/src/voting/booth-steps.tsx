// The booth's steps: the college or language group (where the law offers a choice), lists (or
// blank), the head box and candidates of the chosen list, the review of one choice. A `note` says
// why a linked ballot appears (list step) or what the choice of a group decides (college step).
import { useState, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Booth, PortalElection } from './api.ts';
import { plainOf, toggle, type Choice } from './choice.ts';

export function ListStep({
  heading,
  booth,
  choice,
  note,
  onBlank,
  onList,
}: {
  readonly heading: RefObject<HTMLHeadingElement | null>;
  readonly booth: Booth;
  readonly choice: Choice | null;
  readonly note?: string | undefined;
  readonly onBlank: () => void;
  readonly onList: (list: number) => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <section aria-labelledby="step-list">
      <h2
        id="step-list"
        ref={heading}
        tabIndex={-1}
        aria-describedby={note === undefined ? undefined : 'step-list-note'}
      >
        {t('booth.step.list')}
      </h2>
      {note !== undefined && (
        <p id="step-list-note" className="linked-note" data-linked-why={booth.election.electionId}>
          {note}
        </p>
      )}
      <ul className="lists">
        {booth.lists.map((l) => (
          <li key={l.number}>
            <button
              type="button"
              className="list-choice"
              data-list={l.number}
              aria-pressed={choice?.kind === 'list' && choice.list === l.number}
              onClick={() => {
                onList(l.number);
              }}
            >
              <span className="list-number">{l.number}</span> {l.label}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="list-choice blank" data-list="blank" onClick={onBlank}>
            {t('booth.blank')}
          </button>
        </li>
      </ul>
    </section>
  );
}

export function CandidateStep({
  heading,
  booth,
  choice,
  onChange,
  onBack,
  onNext,
}: {
  readonly heading: RefObject<HTMLHeadingElement | null>;
  readonly booth: Booth;
  readonly choice: Extract<Choice, { kind: 'list' }>;
  readonly onChange: (c: Choice) => void;
  readonly onBack: () => void;
  readonly onNext: () => void;
}): ReactNode {
  const { t } = useI18n();
  const list = booth.lists.find((l) => l.number === choice.list);
  if (list === undefined) return null;
  const empty = !choice.headBox && choice.effectives.length === 0 && choice.substitutes.length === 0;
  const valid = !empty && plainOf(booth, choice) !== undefined;
  return (
    <section aria-labelledby="step-candidates">
      <h2 id="step-candidates" ref={heading} tabIndex={-1}>
        {t('booth.step.candidates')}
      </h2>
      <p className="chosen-list">
        <span className="list-number">{list.number}</span> {list.label}
      </p>
      <label className="head-box">
        <input
          type="checkbox"
          checked={choice.headBox}
          onChange={(e) => {
            onChange({ ...choice, headBox: e.target.checked });
          }}
        />{' '}
        {t('booth.head-box')}
      </label>
      <fieldset>
        <legend>{t('booth.effectives')}</legend>
        {list.effectives.map((c) => (
          <label key={c.position} className="candidate">
            <input
              type="checkbox"
              data-effective={c.position}
              checked={choice.effectives.includes(c.position)}
              onChange={(e) => {
                onChange({ ...choice, effectives: toggle(choice.effectives, c.position, e.target.checked) });
              }}
            />{' '}
            {c.position}. {c.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('booth.substitutes')}</legend>
        {list.substitutes.map((c) => (
          <label key={c.position} className="candidate">
            <input
              type="checkbox"
              data-substitute={c.position}
              checked={choice.substitutes.includes(c.position)}
              onChange={(e) => {
                onChange({ ...choice, substitutes: toggle(choice.substitutes, c.position, e.target.checked) });
              }}
            />{' '}
            {c.position}. {c.name}
          </label>
        ))}
      </fieldset>
      {empty && (
        <p className="hint" id="choose-hint">
          {t('booth.choose-something')}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('booth.back')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={onNext}
          disabled={!valid}
          aria-describedby={empty ? 'choose-hint' : undefined}
        >
          {t('booth.next')}
        </button>
      </div>
    </section>
  );
}

export function ChoiceReview({ booth, choice }: { readonly booth: Booth; readonly choice: Choice }): ReactNode {
  const { t } = useI18n();
  if (choice.kind === 'blank')
    return (
      <p className="review" data-review="blank">
        {t('booth.review.blank')}
      </p>
    );
  const list = booth.lists.find((l) => l.number === choice.list);
  const names = [
    ...choice.effectives.map((p) => list?.effectives.find((c) => c.position === p)?.name ?? String(p)),
    ...choice.substitutes.map(
      (p) =>
        `${list?.substitutes.find((c) => c.position === p)?.name ?? String(p)} (${t('booth.substitutes').toLowerCase()})`,
    ),
  ];
  return (
    <div className="review" data-review="list">
      <p>
        {t('booth.review.list')}{' '}
        <strong>
          {choice.list} — {list?.label}
        </strong>
        {names.length === 0 ? ` ${t('booth.review.head')}.` : ` ${t('booth.review.candidates')}:`}
      </p>
      {names.length > 0 && (
        <ul>
          {names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CollegeStep({
  heading,
  election,
  chosen,
  notes = [],
  onChoose,
}: {
  readonly heading: RefObject<HTMLHeadingElement | null>;
  readonly election: PortalElection;
  readonly chosen: string | undefined;
  /** What the choice also decides (a linked election's ballot), one sentence each. */
  readonly notes?: readonly string[];
  readonly onChoose: (code: string) => void;
}): ReactNode {
  const { t, language } = useI18n();
  const [value, setValue] = useState(chosen ?? '');
  return (
    <section aria-labelledby="step-college">
      <h2 id="step-college" ref={heading} tabIndex={-1}>
        {t('booth.step.college')}
      </h2>
      <p id="college-intro">{t('booth.college.intro')}</p>
      {notes.map((n, i) => (
        <p key={n} id={`college-note-${String(i)}`} className="linked-note" data-linked-hint>
          {n}
        </p>
      ))}
      <fieldset aria-describedby={['college-intro', ...notes.map((_, i) => `college-note-${String(i)}`)].join(' ')}>
        <legend>{election.label[language]}</legend>
        {election.choices.map((c) => (
          <label key={c.code} className="candidate">
            <input
              type="radio"
              name="college"
              value={c.code}
              data-college={c.code}
              checked={value === c.code}
              onChange={() => {
                setValue(c.code);
              }}
            />{' '}
            {c.label[language]}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={value === ''}
          onClick={() => {
            onChoose(value);
          }}
        >
          {t('booth.next')}
        </button>
      </div>
    </section>
  );
}
