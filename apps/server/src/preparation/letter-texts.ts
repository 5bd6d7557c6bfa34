// The words of the letters: the convocation of a resident and the explanatory letter of a Belgian
// abroad for each mode, in FR, NL, DE and EN (the EN annex of letters sent abroad). Pure.

export type LetterLanguage = 'fr' | 'nl' | 'de' | 'en';

export interface LetterFacts {
  readonly name: string;
  readonly address: string;
  readonly votingDate: string;
  /** 1–8; null for a resident who chose no remote mode. */
  readonly mode: number | null;
  readonly period: { readonly opens: string; readonly closes: string } | null;
  readonly revoteLimit: number;
  readonly kioskAddress: string | null;
  /** Remote modes open to residents without opting in (names in the letter's language are added). */
  readonly residentModes: readonly number[];
  readonly portal: string;
}

const MONTHS: Readonly<Record<LetterLanguage, readonly string[]>> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

export function longDate(iso: string, language: LetterLanguage): string {
  const [y = '', m = '1', d = '1'] = iso.split('-');
  const month = MONTHS[language][Number(m) - 1] ?? m;
  const day = String(Number(d));
  return language === 'en'
    ? `${day} ${month} ${y}`
    : language === 'de'
      ? `${day}. ${month} ${y}`
      : `${day} ${month} ${y}`;
}

export const MODE_LABELS: Readonly<Record<LetterLanguage, Readonly<Record<number, string>>>> = {
  fr: {
    1: 'en personne dans votre commune',
    2: 'par procuration dans votre commune',
    3: 'en personne au poste consulaire',
    4: 'par procuration au poste consulaire',
    5: 'par correspondance',
    6: 'vote hybride',
    7: 'vote totalement en ligne',
    8: 'vote sur borne (kiosque)',
  },
  nl: {
    1: 'persoonlijk in uw gemeente',
    2: 'bij volmacht in uw gemeente',
    3: 'persoonlijk op de consulaire post',
    4: 'bij volmacht op de consulaire post',
    5: 'per brief',
    6: 'hybride stemmen',
    7: 'volledig online stemmen',
    8: 'kioskstemmen',
  },
  de: {
    1: 'persönlich in Ihrer Gemeinde',
    2: 'per Vollmacht in Ihrer Gemeinde',
    3: 'persönlich beim Konsularposten',
    4: 'per Vollmacht beim Konsularposten',
    5: 'per Briefwahl',
    6: 'hybride Stimmabgabe',
    7: 'vollständig online wählen',
    8: 'Wahl am Wahlterminal (Kiosk)',
  },
  en: {
    1: 'in person in your commune',
    2: 'by proxy in your commune',
    3: 'in person at the consular post',
    4: 'by proxy at the consular post',
    5: 'by post',
    6: 'hybrid voting',
    7: 'fully online voting',
    8: 'kiosk voting',
  },
};

interface Words {
  readonly convocation: string;
  readonly letter: string;
  readonly dear: () => string;
  readonly election: (date: string) => string;
  readonly pollingStation: string;
  readonly yourMode: (mode: string) => string;
  readonly period: (opens: string, closes: string) => string;
  readonly login: (portal: string) => string;
  readonly hybrid: string;
  readonly kcode: (portal: string) => string;
  readonly online: (x: number) => string;
  readonly kiosk: (address: string) => string;
  readonly kioskOnce: string;
  readonly residentOption: (modes: string) => string;
  readonly pollingWins: string;
  readonly annex: string;
}

export const WORDS: Readonly<Record<LetterLanguage, Words>> = {
  fr: {
    convocation: 'Convocation aux élections',
    letter: 'Lettre explicative : votre mode de vote',
    dear: () => 'Madame, Monsieur,',
    election: (d) => `Vous êtes convoqué(e) aux élections du ${d}. Le vote est obligatoire.`,
    pollingStation:
      'Présentez-vous à votre bureau de vote le jour du scrutin, muni(e) de cette convocation et de votre carte d’identité.',
    yourMode: (m) => `Mode de vote choisi : ${m}.`,
    period: (o, c) => `Vous pouvez voter du ${o} au ${c}.`,
    login: (p) => `Connectez-vous sur ${p} avec votre carte d’identité électronique (eID) ou itsme.`,
    hybrid:
      'Imprimez le bulletin vierge et l’étiquette destinataire, remplissez le bulletin à la main et renvoyez-le dans la double enveloppe : l’enveloppe extérieure porte votre identité, l’enveloppe intérieure votre vote.',
    kcode: (p) =>
      `Le code K imprimé sur l’étiquette vous permet de vérifier ensuite sur ${p}/hybrid/status, sans vous connecter, que votre vote hybride a été reçu, traité et compté. Si vous imprimez à nouveau le kit, le code K précédent est annulé : n’envoyez que le dernier kit imprimé.`,
    online: (x) =>
      `Vous pouvez voter à nouveau jusqu’à ${String(x)} fois pendant la période de vote en ligne : seul le dernier vote compte.`,
    kiosk: (a) => `Rendez-vous à la borne de vote : ${a}.`,
    kioskOnce: 'Un seul vote sur borne est possible.',
    residentOption: (m) => `Vous pouvez aussi voter à distance : ${m}.`,
    pollingWins: 'Si vous votez aussi dans un bureau de vote, seul ce vote-là compte.',
    annex: 'Annex (English)',
  },
  nl: {
    convocation: 'Oproepingsbrief voor de verkiezingen',
    letter: 'Toelichtingsbrief: uw manier van stemmen',
    dear: () => 'Geachte mevrouw, geachte heer,',
    election: (d) => `U wordt opgeroepen voor de verkiezingen van ${d}. Stemmen is verplicht.`,
    pollingStation: 'Ga op de verkiezingsdag naar uw stembureau met deze oproepingsbrief en uw identiteitskaart.',
    yourMode: (m) => `Gekozen manier van stemmen: ${m}.`,
    period: (o, c) => `U kunt stemmen van ${o} tot ${c}.`,
    login: (p) => `Meld u aan op ${p} met uw elektronische identiteitskaart (eID) of itsme.`,
    hybrid:
      'Druk het blanco stembiljet en het adresetiket af, vul het stembiljet met de hand in en stuur het terug in de dubbele omslag: de buitenste omslag draagt uw identiteit, de binnenste uw stem.',
    kcode: (p) =>
      `Met de K-code op het etiket kunt u nadien op ${p}/hybrid/status, zonder aan te melden, nagaan of uw hybride stem ontvangen, verwerkt en geteld werd. Drukt u de kit opnieuw af, dan vervalt de vorige K-code: verstuur alleen de laatst afgedrukte kit.`,
    online: (x) =>
      `U kunt tot ${String(x)} keer opnieuw stemmen tijdens de online stemperiode: alleen de laatste stem telt.`,
    kiosk: (a) => `Ga naar de stemkiosk: ${a}.`,
    kioskOnce: 'U kunt maar één keer aan een kiosk stemmen.',
    residentOption: (m) => `U kunt ook op afstand stemmen: ${m}.`,
    pollingWins: 'Als u ook in een stembureau stemt, telt alleen die stem.',
    annex: 'Annex (English)',
  },
  de: {
    convocation: 'Wahlaufforderung',
    letter: 'Erläuterungsschreiben: Ihre Art der Stimmabgabe',
    dear: () => 'Sehr geehrte Damen und Herren,',
    election: (d) => `Sie werden zu den Wahlen vom ${d} aufgerufen. Es besteht Wahlpflicht.`,
    pollingStation: 'Begeben Sie sich am Wahltag mit dieser Aufforderung und Ihrem Personalausweis in Ihr Wahlbüro.',
    yourMode: (m) => `Gewählte Art der Stimmabgabe: ${m}.`,
    period: (o, c) => `Sie können vom ${o} bis zum ${c} wählen.`,
    login: (p) => `Melden Sie sich auf ${p} mit Ihrem elektronischen Personalausweis (eID) oder itsme an.`,
    hybrid:
      'Drucken Sie den leeren Stimmzettel und das Adressetikett aus, füllen Sie den Stimmzettel von Hand aus und senden Sie ihn im doppelten Umschlag zurück: Der äußere Umschlag trägt Ihre Identität, der innere Ihre Stimme.',
    kcode: (p) =>
      `Mit dem K-Code auf dem Etikett können Sie später auf ${p}/hybrid/status ohne Anmeldung prüfen, ob Ihre hybride Stimme empfangen, bearbeitet und gezählt wurde. Drucken Sie das Kit erneut aus, verfällt der vorige K-Code: Senden Sie nur das zuletzt gedruckte Kit.`,
    online: (x) =>
      `Sie können während des Online-Wahlzeitraums bis zu ${String(x)} Mal erneut wählen: Nur die letzte Stimme zählt.`,
    kiosk: (a) => `Begeben Sie sich zum Wahlterminal: ${a}.`,
    kioskOnce: 'Am Wahlterminal ist nur eine Stimmabgabe möglich.',
    residentOption: (m) => `Sie können auch aus der Ferne wählen: ${m}.`,
    pollingWins: 'Wenn Sie auch in einem Wahlbüro wählen, zählt nur diese Stimme.',
    annex: 'Annex (English)',
  },
  en: {
    convocation: 'Notice to vote',
    letter: 'Explanatory letter: how you will vote',
    dear: () => 'Dear Sir or Madam,',
    election: (d) => `You are called to vote in the elections of ${d}. Voting is compulsory.`,
    pollingStation: 'Go to your polling station on election day with this notice and your identity card.',
    yourMode: (m) => `Voting mode chosen: ${m}.`,
    period: (o, c) => `You may vote from ${o} to ${c}.`,
    login: (p) => `Log in at ${p} with your electronic identity card (eID) or itsme.`,
    hybrid:
      'Print the blank ballot and the recipient label, fill in the ballot by hand and send it back in the double envelope: the outer envelope carries your identity, the inner one your vote.',
    kcode: (p) =>
      `The K-code printed on the label lets you check later at ${p}/hybrid/status, without logging in, that your hybrid vote was received, processed and counted. If you print the kit again, the previous K-code is void: send only the kit you printed last.`,
    online: (x) =>
      `You may vote again up to ${String(x)} times during the online voting period: only the last vote counts.`,
    kiosk: (a) => `Go to the voting kiosk: ${a}.`,
    kioskOnce: 'Only one kiosk vote is possible.',
    residentOption: (m) => `You may also vote remotely: ${m}.`,
    pollingWins: 'If you also vote at a polling station, only that vote counts.',
    annex: 'Annex (English)',
  },
};

/** The paragraphs of one letter: a title, then paragraphs (the first is the salutation). */
export function letterParagraphs(
  kind: 'convocation' | 'abroad',
  language: LetterLanguage,
  facts: LetterFacts,
): { readonly title: string; readonly paragraphs: readonly string[] } {
  const w = WORDS[language];
  const date = longDate(facts.votingDate, language);
  const paragraphs = [w.dear(), w.election(date)];
  if (kind === 'convocation' && facts.mode === null) {
    paragraphs.push(w.pollingStation);
    if (facts.residentModes.length > 0)
      paragraphs.push(
        w.residentOption(facts.residentModes.map((m) => MODE_LABELS[language][m] ?? '').join(', ')),
        w.login(facts.portal),
        w.pollingWins,
      );
  } else {
    paragraphs.push(w.yourMode(MODE_LABELS[language][facts.mode ?? 1] ?? ''));
    if (facts.period !== null)
      paragraphs.push(w.period(longDate(facts.period.opens, language), longDate(facts.period.closes, language)));
    if (facts.mode !== null && facts.mode >= 6) paragraphs.push(w.login(facts.portal));
    if (facts.mode === 6) paragraphs.push(w.hybrid, w.kcode(facts.portal));
    if (facts.mode === 7) paragraphs.push(w.online(facts.revoteLimit));
    if (facts.mode === 8) paragraphs.push(w.kiosk(facts.kioskAddress ?? ''), w.kioskOnce);
    if (facts.mode !== null && facts.mode >= 6) paragraphs.push(w.pollingWins);
  }
  return { title: kind === 'convocation' ? w.convocation : w.letter, paragraphs };
}
