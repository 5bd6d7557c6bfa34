import type { KioskKey } from './fr.ts';

export const kioskDe: Readonly<Record<KioskKey, string>> = {
  'kiosk.title': 'Stimmabgabe am Wahlterminal',
  'kiosk.loading': 'Das Wahlterminal wird vorbereitet…',
  'kiosk.enrol.title': 'Dieses Wahlterminal registrieren',
  'kiosk.enrol.intro':
    'Der Bediener der Vertretung gibt den einmaligen Registrierungscode ein. Das Terminal erzeugt seinen Signaturschlüssel, der diesen Browser nie verlässt.',
  'kiosk.enrol.code': 'Registrierungscode',
  'kiosk.enrol.label': 'Name des Terminals',
  'kiosk.enrol.button': 'Terminal registrieren',
  'kiosk.welcome.title': 'Willkommen am Wahlterminal',
  'kiosk.welcome.intro':
    'Melden Sie sich mit Ihrem Personalausweis (eID) und der PIN an. Danach wählen Sie für jede Wahl, an der Sie teilnehmen dürfen. Am Wahlterminal ist nur eine Stimmabgabe möglich.',
  'kiosk.welcome.start': 'Beginnen: mit meiner eID-Karte anmelden',
  'kiosk.opening': 'Ihre Wahlsitzung wird geöffnet…',
  'kiosk.leave': 'Ich gehe',
  'kiosk.idle': 'Nach zwei Minuten ohne Aktivität kehrt das Terminal zur Startseite zurück und löscht alles.',
  'kiosk.sent.title': 'Ihre Stimme ist gespeichert',
  'kiosk.sent.text':
    'Die Urne hat Ihre Stimmzettel erhalten. Notieren Sie Ihre Verfolgungscodes, um sie an der öffentlichen Anschlagtafel wiederzufinden.',
  'kiosk.queued.title': 'Ihre Stimme ist auf diesem Terminal gespeichert',
  'kiosk.queued.text':
    'Das Netz ist vorübergehend nicht verfügbar. Ihre verschlüsselten und signierten Stimmzettel bleiben auf diesem Terminal und werden gesendet, sobald das Netz zurück ist, ein einziges Mal.',
  'kiosk.tracking': 'Verfolgungscodes',
  'kiosk.waiting': 'Auf diesem Terminal wartende Stimmzettel',
  'kiosk.op.title': 'Wahlterminals der Vertretung',
  'kiosk.op.post': 'Vertretung',
  'kiosk.op.code': 'Neuer Registrierungscode',
  'kiosk.op.code.shown': 'Code zur Eingabe am Terminal (24 Stunden gültig, einmalig)',
  'kiosk.op.none': 'Kein Terminal registriert.',
  'kiosk.op.label': 'Terminal',
  'kiosk.op.seen': 'Letztes Lebenszeichen',
  'kiosk.op.queued': 'Wartende Stimmzettel',
  'kiosk.op.state': 'Status',
  'kiosk.op.active': 'aktiv',
  'kiosk.op.revoked': 'widerrufen',
  'kiosk.op.revoke': 'Widerrufen',
  'kiosk.op.never': 'nie',
};
