import type { CoreKey } from './fr.ts';

export const coreDe: Readonly<Record<CoreKey, string>> = {
  'app.skip': 'Zum Inhalt',
  'app.tagline': 'Fernwahl für die belgischen Wahlen',
  'app.language': 'Sprache',
  'nav.home': 'Startseite',
  'home.title': 'Aus der Ferne wählen, mit Vertrauen',
  'home.intro':
    'isoloir organisiert die drei neuen Arten der Fernwahl: hybrid per Post, vollständig online und am Wahlterminal in einer konsularischen Vertretung. Jede elektronische Stimme wird auf Ihrem Gerät verschlüsselt, und jeder kann die Auszählung überprüfen.',
  'home.modes': 'Die drei Wahlarten',
  'mode.hybrid.title': 'Hybrid',
  'mode.hybrid.text':
    'Drucken Sie den Stimmzettel zu Hause aus, füllen Sie ihn von Hand aus und senden Sie ihn in einem doppelten Umschlag per Post zurück.',
  'mode.online.title': 'Online',
  'mode.online.text':
    'Melden Sie sich mit itsme oder Ihrem Personalausweis an, wählen Sie, und wählen Sie erneut, wenn Sie möchten: Nur die letzte Stimme zählt.',
  'mode.kiosk.title': 'Wahlterminal',
  'mode.kiosk.text': 'Wählen Sie an einem Online-Wahlgerät in der Wahlkabine einer konsularischen Vertretung.',
  'home.elections': 'Wahlen',
  'home.loading': 'Wird geladen…',
  'home.none': 'Es ist noch keine Wahl angelegt.',
  'election.date': 'Wahltag',
  'election.seats': 'Sitze',
  'election.voters': 'Eingetragene Wähler',
  'election.constituencies': 'Wahlkreise',
  'constituency.name': 'Wahlkreis',
  'constituency.seats': 'Sitze',
  'constituency.lists': 'Listen',
  'constituency.candidates': 'Kandidaten',
  'constituency.languages': 'Sprachen',
  'footer.api': 'API-Dokumentation',
  'footer.source': 'Freie Software',
};
