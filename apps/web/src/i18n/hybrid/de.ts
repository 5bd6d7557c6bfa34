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
  'hybrid.status.link': 'Eine hybride Stimme mit dem K-Code verfolgen',
  'hybrid.status.public-hash':
    'Im öffentlichen Wahlregister ist Ihr Umschlag unter diesem Code verzeichnet (auf diesem Gerät aus Ihrem K-Code berechnet):',
};
