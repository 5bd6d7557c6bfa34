// A role's scope in words for the administration of roles: a commune by its name, a consular post
// by its label, a constituency by its name, instead of the codes the server stores (62063, paris, liege).
import { useEffect, useState } from 'react';
import { getJson, type ElectionDetail, type Labels } from '../api.ts';
import { communeName, currentDayId, type Commune, type DayState } from '../preparation/api.ts';
import type { Role } from './api.ts';

const KIND: Readonly<Record<Role, 'commune' | 'post' | 'constituency' | null>> = {
  'po-admin': null,
  'commune-official': 'commune',
  'consular-official': 'post',
  'team-a': 'constituency',
  'team-b': 'constituency',
  trustee: null,
  'kiosk-operator': 'post',
  observer: null,
  president: 'constituency',
};

interface Names {
  readonly communes: readonly Commune[];
  readonly posts: readonly { readonly code: string; readonly label: Labels }[];
  readonly constituencies: readonly { readonly code: string; readonly label: Labels }[];
}

async function loadNames(): Promise<Names> {
  const day = await currentDayId();
  if (!day.ok) return { communes: [], posts: [], constituencies: [] };
  const [state, communes, elections] = await Promise.all([
    getJson<DayState>(`/api/preparation/days/${encodeURIComponent(day.value)}`),
    getJson<Commune[]>(`/api/preparation/days/${encodeURIComponent(day.value)}/communes`),
    getJson<{ id: string }[]>('/api/elections'),
  ]);
  const details = elections.ok
    ? await Promise.all(
        elections.value.map((e) => getJson<ElectionDetail>(`/api/elections/${encodeURIComponent(e.id)}`)),
      )
    : [];
  return {
    communes: communes.ok ? communes.value : [],
    posts: state.ok ? state.value.posts : [],
    constituencies: details.flatMap((d) => (d.ok ? d.value.constituencies : [])),
  };
}

/** `(role, scope) → words`, falling back to the code while the names load or for an unknown code. */
export function useScopeName(language: 'fr' | 'nl' | 'de' | 'en'): (role: Role, scope: string) => string {
  const [names, setNames] = useState<Names>({ communes: [], posts: [], constituencies: [] });
  useEffect(() => {
    let live = true;
    void loadNames().then((n) => {
      if (live) setNames(n);
    });
    return () => {
      live = false;
    };
  }, []);
  return (role, scope) => {
    const kind = KIND[role];
    if (kind === 'commune') {
      const c = names.communes.find((x) => x.nis === scope);
      return c === undefined ? scope : `${communeName(c, language)} (${scope})`;
    }
    if (kind === 'post') return names.posts.find((p) => p.code === scope)?.label[language] ?? scope;
    if (kind === 'constituency') return names.constituencies.find((c) => c.code === scope)?.label[language] ?? scope;
    return scope;
  };
}
