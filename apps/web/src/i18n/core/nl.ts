import type { CoreKey } from './fr.ts';

export const coreNl: Readonly<Record<CoreKey, string>> = {
  'app.skip': 'Naar de inhoud',
  'app.tagline': 'Stemmen op afstand voor de Belgische verkiezingen',
  'app.language': 'Taal',
  'nav.home': 'Startpagina',
  'home.title': 'Op afstand stemmen, met vertrouwen',
  'home.intro':
    'isoloir organiseert de drie nieuwe manieren om op afstand te stemmen: hybride per post, volledig online en op een stemzuil in een consulaire post. Elke elektronische stem wordt op uw toestel versleuteld en iedereen kan de telling controleren.',
  'home.modes': 'De drie stemwijzen',
  'mode.hybrid.title': 'Hybride',
  'mode.hybrid.text':
    'Druk het stembiljet thuis af, vul het met de hand in en stuur het per post terug in een dubbele omslag.',
  'mode.online.title': 'Online',
  'mode.online.text':
    'Meld u aan met itsme of uw identiteitskaart, stem, en stem opnieuw als u wilt: alleen de laatste stem telt.',
  'mode.kiosk.title': 'Stemzuil',
  'mode.kiosk.text': 'Stem op een online stemmachine in het stemhokje van een consulaire post.',
  'home.elections': 'Verkiezingen',
  'home.loading': 'Laden…',
  'home.none': 'Er is nog geen verkiezing georganiseerd.',
  'election.date': 'Datum van de stemming',
  'election.seats': 'Zetels',
  'election.voters': 'Ingeschreven kiezers',
  'election.constituencies': 'Kieskringen',
  'constituency.name': 'Kieskring',
  'constituency.seats': 'Zetels',
  'constituency.lists': 'Lijsten',
  'constituency.candidates': 'Kandidaten',
  'constituency.languages': 'Talen',
  'footer.api': 'API-documentatie',
  'footer.source': 'Vrije software',
};
