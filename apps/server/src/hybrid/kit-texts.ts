// The words of the hybrid print kit (mode 6) in FR, NL, DE and EN (the EN annex of kits printed
// abroad, as for letters), and the words printed on the blank ballot in the constituency's
// language(s). Pure.
import { longDate, type LetterLanguage } from '../preparation/letter-texts.ts';

export interface KitFacts {
  /** The last day the envelope may arrive at the main office (the setup's hybrid period's closing). */
  readonly deadline: string;
  readonly category: 'belgium' | 'abroad';
  /** Where the status page is: `<public URL>/hybrid/status`. */
  readonly statusUrl: string;
}

interface KitWords {
  readonly title: string;
  readonly intro: string;
  readonly steps: (facts: KitFacts, language: LetterLanguage) => readonly string[];
  readonly postage: Readonly<Record<'belgium' | 'abroad', string>>;
  readonly to: string;
  readonly from: string;
  readonly where: Readonly<Record<'belgium' | 'abroad', string>>;
  readonly kcode: string;
  readonly outerLabel: string;
  readonly innerLabel: string;
  readonly vote: string;
  readonly cut: string;
}

const WORDS: Readonly<Record<LetterLanguage, KitWords>> = {
  fr: {
    title: 'Vote hybride : votre kit à imprimer',
    intro:
      'Ce kit contient un bulletin vierge par élection, une étiquette pour l’enveloppe extérieure et une pour l’enveloppe intérieure.',
    steps: (f, l) => [
      '1. Imprimez toutes les pages en A4, à 100 % (sans ajustement à la page).',
      '2. Remplissez chaque bulletin à la main, au stylo noir ou bleu : marquez la case de tête d’une liste, ou une ou plusieurs cases de candidats d’une même liste. Ne marquez rien pour voter blanc. N’écrivez rien d’autre sur le bulletin.',
      '3. Pliez chaque bulletin en quatre, face imprimée vers l’intérieur, et glissez-les dans l’enveloppe intérieure. Collez-y l’étiquette « VOTE » et fermez-la. Rien d’autre dans cette enveloppe : ni nom, ni signe.',
      '4. Glissez l’enveloppe intérieure fermée dans l’enveloppe extérieure, collez-y l’étiquette qui porte votre code K, et fermez-la.',
      `5. Postez-la : elle doit arriver au bureau principal au plus tard le ${longDate(f.deadline, l)}. ${WORDS.fr.postage[f.category]}`,
      `6. Suivez votre vote sur ${f.statusUrl} avec votre code K : reçu, annulé (et pourquoi) ou compté. Si vous imprimez à nouveau le kit, le code précédent est annulé : n’envoyez que le dernier kit imprimé.`,
    ],
    postage: {
      belgium: 'Pas de timbre : le port est payé par l’autorité organisatrice.',
      abroad: 'Affranchissez l’enveloppe au tarif international de votre pays de résidence.',
    },
    to: 'Destinataire',
    from: 'Expéditeur',
    where: { belgium: 'Belgique', abroad: 'Étranger' },
    kcode: 'Code K',
    outerLabel: 'Étiquette de l’enveloppe extérieure',
    innerLabel: 'Étiquette de l’enveloppe intérieure',
    vote: 'VOTE',
    cut: 'Découpez le long des pointillés et collez sur l’enveloppe.',
  },
  nl: {
    title: 'Hybride stemmen: uw kit om af te drukken',
    intro:
      'Deze kit bevat een blanco stembiljet per verkiezing, een etiket voor de buitenste omslag en een voor de binnenste omslag.',
    steps: (f, l) => [
      '1. Druk alle pagina’s af op A4, op 100 % (niet aanpassen aan de pagina).',
      '2. Vul elk stembiljet met de hand in, met een zwarte of blauwe pen: markeer het lijststemvak van een lijst, of een of meer vakjes van kandidaten van dezelfde lijst. Markeer niets om blanco te stemmen. Schrijf niets anders op het stembiljet.',
      '3. Vouw elk stembiljet in vieren, bedrukte zijde naar binnen, en steek ze in de binnenste omslag. Kleef er het etiket „STEM” op en sluit ze. Niets anders in die omslag: geen naam, geen teken.',
      '4. Steek de gesloten binnenste omslag in de buitenste omslag, kleef er het etiket met uw K-code op en sluit ze.',
      `5. Post ze: ze moet uiterlijk op ${longDate(f.deadline, l)} bij het hoofdbureau aankomen. ${WORDS.nl.postage[f.category]}`,
      `6. Volg uw stem op ${f.statusUrl} met uw K-code: ontvangen, geannuleerd (en waarom) of geteld. Drukt u de kit opnieuw af, dan vervalt de vorige code: verstuur alleen de laatst afgedrukte kit.`,
    ],
    postage: {
      belgium: 'Geen postzegel: de verzending wordt betaald door de organiserende overheid.',
      abroad: 'Frankeer de omslag tegen het internationale tarief van uw woonland.',
    },
    to: 'Geadresseerde',
    from: 'Afzender',
    where: { belgium: 'België', abroad: 'Buitenland' },
    kcode: 'K-code',
    outerLabel: 'Etiket van de buitenste omslag',
    innerLabel: 'Etiket van de binnenste omslag',
    vote: 'STEM',
    cut: 'Knip langs de stippellijn en kleef op de omslag.',
  },
  de: {
    title: 'Hybride Stimmabgabe: Ihr Kit zum Ausdrucken',
    intro:
      'Dieses Kit enthält einen leeren Stimmzettel je Wahl, ein Etikett für den äußeren und eines für den inneren Umschlag.',
    steps: (f, l) => [
      '1. Drucken Sie alle Seiten auf A4 zu 100 % aus (nicht an die Seite anpassen).',
      '2. Füllen Sie jeden Stimmzettel von Hand mit einem schwarzen oder blauen Stift aus: Markieren Sie das Kopffeld einer Liste oder ein oder mehrere Felder von Kandidaten derselben Liste. Markieren Sie nichts, um weiß zu wählen. Schreiben Sie nichts anderes auf den Stimmzettel.',
      '3. Falten Sie jeden Stimmzettel zweimal, bedruckte Seite nach innen, und stecken Sie sie in den inneren Umschlag. Kleben Sie das Etikett „STIMME“ darauf und verschließen Sie ihn. Nichts anderes in diesen Umschlag: kein Name, kein Zeichen.',
      '4. Stecken Sie den verschlossenen inneren Umschlag in den äußeren Umschlag, kleben Sie das Etikett mit Ihrem K-Code darauf und verschließen Sie ihn.',
      `5. Senden Sie ihn ab: Er muss spätestens am ${longDate(f.deadline, l)} beim Hauptwahlvorstand eingehen. ${WORDS.de.postage[f.category]}`,
      `6. Verfolgen Sie Ihre Stimme auf ${f.statusUrl} mit Ihrem K-Code: empfangen, annulliert (und warum) oder gezählt. Drucken Sie das Kit erneut aus, verfällt der vorige Code: Senden Sie nur das zuletzt gedruckte Kit.`,
    ],
    postage: {
      belgium: 'Keine Briefmarke: Das Porto zahlt die organisierende Behörde.',
      abroad: 'Frankieren Sie den Umschlag zum internationalen Tarif Ihres Wohnlandes.',
    },
    to: 'Empfänger',
    from: 'Absender',
    where: { belgium: 'Belgien', abroad: 'Ausland' },
    kcode: 'K-Code',
    outerLabel: 'Etikett des äußeren Umschlags',
    innerLabel: 'Etikett des inneren Umschlags',
    vote: 'STIMME',
    cut: 'Entlang der gepunkteten Linie ausschneiden und auf den Umschlag kleben.',
  },
  en: {
    title: 'Hybrid voting: your kit to print',
    intro:
      'This kit holds a blank ballot for each election, a label for the outer envelope and one for the inner envelope.',
    steps: (f, l) => [
      '1. Print every page on A4, at 100 % (no fit to page).',
      '2. Fill in each ballot by hand with a black or blue pen: mark the head box of one list, or one or more candidate boxes of the same list. Mark nothing to vote blank. Write nothing else on the ballot.',
      '3. Fold each ballot in four, printed side inside, and put them in the inner envelope. Stick the “VOTE” label on it and close it. Nothing else in that envelope: no name, no mark.',
      '4. Put the closed inner envelope in the outer envelope, stick the label with your K-code on it, and close it.',
      `5. Post it: it must arrive at the main office by ${longDate(f.deadline, l)}. ${WORDS.en.postage[f.category]}`,
      `6. Follow your vote at ${f.statusUrl} with your K-code: received, cancelled (and why) or counted. If you print the kit again, the previous code is void: send only the kit you printed last.`,
    ],
    postage: {
      belgium: 'No stamp: postage is paid by the organising authority.',
      abroad: 'Stamp the envelope at the international rate of your country of residence.',
    },
    to: 'To',
    from: 'From',
    where: { belgium: 'Belgium', abroad: 'Abroad' },
    kcode: 'K-code',
    outerLabel: 'Outer envelope label',
    innerLabel: 'Inner envelope label',
    vote: 'VOTE',
    cut: 'Cut along the dotted line and stick on the envelope.',
  },
};

export function kitWords(language: LetterLanguage): KitWords {
  return WORDS[language];
}

/** The words of a blank ballot in one of the constituency's languages. */
export interface BallotWords {
  readonly effectives: string;
  readonly substitutes: string;
  readonly instruction: string;
  readonly list: string;
}

export const BALLOT_WORDS: Readonly<Record<'fr' | 'nl' | 'de', BallotWords>> = {
  fr: {
    effectives: 'Candidats titulaires',
    substitutes: 'Candidats suppléants',
    instruction:
      'Votez en marquant la case de tête d’une seule liste, ou une ou plusieurs cases de candidats (titulaires, suppléants, ou les deux) d’une seule liste.',
    list: 'Liste',
  },
  nl: {
    effectives: 'Kandidaat-titularissen',
    substitutes: 'Kandidaat-opvolgers',
    instruction:
      'Stem door het stemvak bovenaan één enkele lijst te markeren, of een of meer vakjes van kandidaten (titularissen, opvolgers of beide) van één enkele lijst.',
    list: 'Lijst',
  },
  de: {
    effectives: 'Ordentliche Kandidaten',
    substitutes: 'Ersatzkandidaten',
    instruction:
      'Wählen Sie, indem Sie das Kopffeld einer einzigen Liste markieren, oder ein oder mehrere Felder von Kandidaten (ordentliche, Ersatzkandidaten oder beide) einer einzigen Liste.',
    list: 'Liste',
  },
};
