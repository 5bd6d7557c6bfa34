import type { HybridKey } from './fr.ts';

export const hybridDe: Readonly<Record<HybridKey, string>> = {
  'hybrid.title': 'Hybride Stimmabgabe (Modus 6)',
  'hybrid.intro':
    'Drucken Sie Ihr Kit aus: einen leeren Stimmzettel je Wahl, das Etikett des äußeren Umschlags mit Ihrem K-Code, das des inneren Umschlags und die Anleitung. Füllen Sie den Stimmzettel von Hand aus und senden Sie ihn im doppelten Umschlag zurück.',
  'hybrid.period': 'Zeitraum der hybriden Stimmabgabe',
  'hybrid.period.from-to': 'vom {opens} bis zum {closes} (Eingang beim Hauptwahlvorstand spätestens am {closes})',
  'hybrid.elections': 'Stimmzettel in Ihrem Kit',
  'hybrid.print': 'Mein Kit drucken (PDF)',
  'hybrid.reprint': 'Ein neues Kit drucken',
  'hybrid.reprint-warning':
    'Ein neues Kit trägt einen neuen K-Code und annulliert den vorigen: Senden Sie nur das zuletzt gedruckte Kit. Ein Umschlag mit einem annullierten Code wird zurückgewiesen.',
  'hybrid.printing': 'Ihr Kit wird vorbereitet…',
  'hybrid.printed': 'Ihr Kit ist heruntergeladen. Drucken Sie es zu 100 % auf A4.',
  'hybrid.kcode': 'Ihr K-Code',
  'hybrid.kcode.none': 'Sie haben noch kein Kit gedruckt.',
  'hybrid.kcode.issued-at': 'Kit gedruckt am',
  'hybrid.status.title': 'Eine hybride Stimme verfolgen',
  'hybrid.status.intro':
    'Geben Sie den K-Code vom Etikett des äußeren Umschlags ein. Sie müssen sich nicht anmelden; diese Seite zeigt nichts über Ihre Identität oder Ihre Stimme.',
  'hybrid.status.code': 'K-Code (18 Zeichen)',
  'hybrid.status.check': 'Prüfen',
  'hybrid.status.checking': 'Wird geprüft…',
  'hybrid.status.length': 'Ein K-Code hat 18 Zeichen (Ziffern und Buchstaben, Bindestriche nach Belieben).',
  'hybrid.status.character':
    'Dieser Code enthält ein Zeichen, das es in K-Codes nicht gibt (den Buchstaben U, einen Akzent, ein Satzzeichen).',
  'hybrid.status.check-failed':
    'Dieser Code enthält einen Tippfehler (das letzte Zeichen passt nicht): Prüfen Sie ihn auf Ihrem Etikett.',
  'hybrid.status.unknown': 'Keine hybride Stimme trägt diesen Code.',
  'hybrid.status.issued': 'Ihr Umschlag ist noch nicht beim Hauptwahlvorstand eingegangen.',
  'hybrid.status.voided':
    'Dieser Code ist annulliert: Danach wurde ein neues Kit gedruckt. Ein Umschlag mit diesem Code wird zurückgewiesen; nur das letzte Kit zählt.',
  'hybrid.status.received': 'Ihr Umschlag wurde beim Hauptwahlvorstand empfangen und bearbeitet.',
  'hybrid.status.cancelled': 'Ihre hybride Stimme wurde annulliert.',
  'hybrid.status.counted': 'Ihre hybride Stimme wurde gezählt.',
  'hybrid.fact.received': 'Beim Hauptwahlvorstand empfangen und bearbeitet',
  'hybrid.fact.cancelled': 'Annulliert',
  'hybrid.fact.counted': 'Gezählt',
  'hybrid.fact.updated': 'Letzte Änderung',
  'hybrid.yes': 'ja',
  'hybrid.no': 'nein',
  'hybrid.not-yet': 'noch nicht',
  'hybrid.reason.arrived-late': 'der Umschlag ist nach der Frist eingegangen',
  'hybrid.reason.voted-at-polling-station': 'Sie haben in einem Wahlbüro gewählt: diese Stimme zählt',
  'hybrid.reason.voted-online': 'Sie haben auch online gewählt',
  'hybrid.reason.envelope-open': 'der innere Umschlag war offen oder trug ein Zeichen',
  'hybrid.reason.identity-missing': 'die Identität des Wählers fehlte auf dem äußeren Umschlag',
  'hybrid.reason.ineligible': 'der Wähler war für diesen Modus nicht eingetragen',
  'hybrid.reason.other': 'ein anderer Grund, im Protokoll vermerkt',
  'hybrid.status.link': 'Eine hybride Stimme mit dem K-Code verfolgen',
  'error.hybrid.not-registered': 'Sie sind nicht für die hybride Stimmabgabe (Modus 6) eingetragen.',
  'error.hybrid.not-open': 'Der Zeitraum der hybriden Stimmabgabe hat noch nicht begonnen.',
  'error.hybrid.closed': 'Der Zeitraum der hybriden Stimmabgabe ist vorbei.',
  'error.hybrid.no-main-office':
    'Die Adresse des Hauptwahlvorstands Ihres Wahlkreises steht noch nicht fest: Das Kit kann nicht gedruckt werden.',
  'error.hybrid.already-received':
    'Der Hauptwahlvorstand hat Ihren Umschlag bereits empfangen: Ein neues Kit kann nicht mehr gedruckt werden.',
  'error.hybrid.kcode-invalid': 'Das ist kein K-Code: Prüfen Sie, was Sie eingegeben haben.',
  'error.hybrid.entry-same-member':
    'Die zweite Erfassung einer Urne muss ein anderes Mitglied von Team B vornehmen als die erste.',
  'error.hybrid.entry-not-yours': 'Ein anderes Mitglied von Team B nimmt diese Erfassung der Urne vor.',
  'error.hybrid.entry-finished': 'Beide Erfassungen dieser Urne sind abgeschlossen.',
  'error.hybrid.entry-count-mismatch':
    'Die Zahl der Stimmzettel in der Urne ist nicht die erfasste Zahl: Prüfen Sie die Urne.',
  'error.hybrid.entry-no-difference':
    'Beide Erfassungen stimmen für diesen Stimmzettel überein: Es gibt nichts zu entscheiden.',
  'error.hybrid.entry-wrong-state': 'Diese Urne ist nicht bei diesem Schritt der doppelten Erfassung.',
};
