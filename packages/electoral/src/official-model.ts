import type { OfficialConstituency, OfficialList, Parsed } from './official-format.ts';
import { isRecord, malformed } from './official-format.ts';
import type { Labels, Language } from './labels.ts';
import type { Candidate, CandidateList, Constituency } from './model.ts';
import { ok } from './result.ts';

const LANGUAGE_NAMES: Readonly<Record<string, Language>> = { French: 'fr', Dutch: 'nl', German: 'de', English: 'en' };

/** The library model of an official constituency file; its `Labels` must hold FR, NL, DE and EN. */
export function toConstituency(
  official: OfficialConstituency,
  options: { readonly seats: number; readonly languages: readonly Language[] },
): Parsed<Constituency> {
  const labels = officialLabels(official.raw['Labels']);
  if (!labels.ok) return labels;
  const id = official.raw['Id'];
  return ok({
    id: typeof id === 'number' || typeof id === 'string' ? id.toString() : labels.value.en,
    labels: labels.value,
    languages: options.languages,
    seats: options.seats,
    lists: official.lists.map(toList),
  });
}

function officialLabels(value: unknown): Parsed<Labels> {
  if (!Array.isArray(value)) return malformed('$.Labels', 'an array of { Language, Label }');
  const found = new Map<Language, string>();
  for (const item of value) {
    if (!isRecord(item)) continue;
    const language = typeof item['Language'] === 'string' ? LANGUAGE_NAMES[item['Language']] : undefined;
    if (language !== undefined && typeof item['Label'] === 'string') found.set(language, item['Label']);
  }
  const [fr, nl, de, en] = (['fr', 'nl', 'de', 'en'] as const).map((l) => found.get(l));
  if (fr === undefined || nl === undefined || de === undefined || en === undefined) {
    return malformed('$.Labels', 'labels in French, Dutch, German and English');
  }
  return ok({ fr, nl, de, en });
}

function toList(list: OfficialList): CandidateList {
  const candidates = (substitute: boolean): readonly Candidate[] =>
    list.candidates
      .filter((c) => c.substitute === substitute)
      .sort((a, b) => a.position - b.position)
      .map((c) => ({
        id: c.id,
        position: c.position,
        name: typeof c.raw['FullName'] === 'string' ? c.raw['FullName'] : c.id,
      }));
  return {
    id: list.id,
    number: list.number,
    name: list.name,
    effectives: candidates(false),
    substitutes: candidates(true),
  };
}
