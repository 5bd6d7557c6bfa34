// A hybrid paper ballot in words, for Team B's check of what it encoded and the president's view of a
// difference: the marks the paper shows, its state when not the official paper, and how the law
// reads it (classifyBallot: valid for a list, blank, or invalid with the rule of art. 156).
import { classifyBallot, type MarkedBallot } from '@isoloir/electoral';
import type { ReactNode } from 'react';
import { codeMessageKey, fill, useI18n } from '../../i18n/i18n.tsx';
import { constituencyOf, type PaperList } from './ballot.ts';

export function useBallotWords(
  lists: readonly PaperList[],
): (ballot: MarkedBallot) => { readonly marks: string; readonly law: string } {
  const { t } = useI18n();
  const constituency = constituencyOf('ballot', lists);
  const listName = (id: string): string => {
    const list = lists.find((l) => String(l.number) === id);
    return list === undefined ? fill(t('hc.ballot.list-n'), { list: id }) : `${id} ${list.label}`;
  };
  return (ballot) => {
    const byList = new Map<string, string[]>();
    for (const m of ballot.marks) {
      const words =
        m.box === 'head'
          ? t('hc.ballot.head')
          : `${t(m.box === 'effective' ? 'hc.ballot.effective' : 'hc.ballot.substitute')} ${String(m.position)}`;
      byList.set(m.listId, [...(byList.get(m.listId) ?? []), words]);
    }
    const marks =
      byList.size === 0
        ? t('hc.ballot.no-mark')
        : [...byList].map(([id, words]) => `${listName(id)}: ${words.join(', ')}`).join(' — ');
    const paper = ballot.paper === 'official' ? '' : ` (${t(`hc.paper.${ballot.paper}`)})`;
    const verdict = classifyBallot(constituency, ballot);
    const law =
      verdict.kind === 'valid'
        ? fill(t('hc.law.valid'), { list: listName(verdict.listId) })
        : verdict.kind === 'blank'
          ? t('hc.law.blank')
          : `${t('hc.law.invalid')}: ${t(codeMessageKey('invalid', verdict.rule, 'hc.law.invalid'))}`;
    return { marks: marks + paper, law };
  };
}

export function BallotWords({
  ballot,
  lists,
}: {
  readonly ballot: MarkedBallot | undefined;
  readonly lists: readonly PaperList[];
}): ReactNode {
  const { t } = useI18n();
  const words = useBallotWords(lists);
  if (ballot === undefined) return <span>{t('hc.ballot.none')}</span>;
  const w = words(ballot);
  return (
    <span>
      {w.marks} <em>({w.law})</em>
    </span>
  );
}
