// Fictitious names, built from syllables, by language area: no real person is named.
import type { SeededRandom } from './seeded-random.ts';

type Area = 'nl' | 'fr' | 'de';

const GIVEN: Readonly<Record<Area, { readonly F: readonly string[]; readonly M: readonly string[] }>> = {
  nl: {
    F: ['Anke', 'Lotte', 'Griet', 'Marieke', 'Fien', 'Saar', 'Nele', 'Liesbet', 'Ine', 'Joke'],
    M: ['Jef', 'Wout', 'Bram', 'Pieter', 'Stijn', 'Koen', 'Lander', 'Mathias', 'Tuur', 'Warre'],
  },
  fr: {
    F: ['Amélie', 'Chloé', 'Élise', 'Margaux', 'Noémie', 'Céline', 'Justine', 'Manon', 'Aurore', 'Inès'],
    M: ['Arnaud', 'Benoît', 'Cédric', 'Damien', 'Éric', 'Grégoire', 'Hugo', 'Maxime', 'Quentin', 'Thibaut'],
  },
  de: {
    F: ['Anja', 'Birgit', 'Heike', 'Jana', 'Katrin', 'Lena', 'Marlene', 'Ute'],
    M: ['Bernd', 'Dieter', 'Jörg', 'Lukas', 'Matthias', 'Rolf', 'Stefan', 'Uwe'],
  },
};

const SURNAME_PARTS: Readonly<Record<Area, readonly [readonly string[], readonly string[]]>> = {
  nl: [
    ['Van den ', 'De ', 'Ver', 'Van ', 'Desmet', 'Peeter', 'Claes', 'Wout', 'Meul', 'Goos'],
    ['bossche', 'meulen', 'straete', 'hoeven', 'ens', 'mans', 'ers', 'broeck', 'velde', 'kens'],
  ],
  fr: [
    ['Du', 'La', 'Le', 'Mar', 'Ber', 'Lam', 'Four', 'Gil', 'Ren', 'Col'],
    ['pont', 'fontaine', 'ceau', 'chand', 'trand', 'bert', 'nier', 'lard', 'ard', 'lignon'],
  ],
  de: [
    ['Schm', 'Kr', 'Hoff', 'Wag', 'Bau', 'Lang', 'Ric', 'Sch'],
    ['itz', 'amer', 'mann', 'ner', 'er', 'en', 'hter', 'ulz'],
  ],
};

export function areaOf(languages: readonly string[], random: SeededRandom): Area {
  const area = random.pick(languages);
  return area === 'nl' || area === 'de' ? area : 'fr';
}

export function givenName(area: Area, sex: 'F' | 'M', random: SeededRandom): string {
  return random.pick(GIVEN[area][sex]);
}

export function surname(area: Area, random: SeededRandom): string {
  const [first, second] = SURNAME_PARTS[area];
  return random.pick(first) + random.pick(second);
}

const PARTY_WORDS: Readonly<Record<Area, readonly string[]>> = {
  nl: [
    'Samen',
    'Vooruit',
    'Groen',
    'Burgers',
    'Open',
    'Vrij',
    'Nieuw',
    'Sterk',
    'Eerlijk',
    'Lokaal',
    'Zuiver',
    'Morgen',
  ],
  fr: [
    'Ensemble',
    'Avenir',
    'Citoyens',
    'Écologie',
    'Liberté',
    'Solidaires',
    'Renouveau',
    'Engagés',
    'Demain',
    'Horizon',
    'Clarté',
    'Unis',
  ],
  de: ['Gemeinsam', 'Zukunft', 'Bürger', 'Freiheit'],
};

/** A fictitious party label: one or two words of the area's language, unique within `taken`. */
export function partyLabel(area: Area, taken: ReadonlySet<string>, random: SeededRandom): string {
  for (let attempt = 0; ; attempt += 1) {
    const [a, b] = [random.pick(PARTY_WORDS[area]), random.pick(PARTY_WORDS[area])];
    const label = `${a} ${b}${attempt >= 20 ? ` ${String(attempt)}` : ''}`.toUpperCase();
    if (a !== b && !taken.has(label)) return label;
  }
}
