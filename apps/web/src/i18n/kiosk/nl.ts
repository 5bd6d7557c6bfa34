import type { KioskKey } from './fr.ts';

export const kioskNl: Readonly<Record<KioskKey, string>> = {
  'kiosk.title': 'Stemmen aan de kiosk',
  'kiosk.loading': 'De kiosk wordt voorbereid…',
  'kiosk.enrol.title': 'Deze kiosk registreren',
  'kiosk.enrol.intro':
    'De operator van de post voert de eenmalige registratiecode in. De kiosk maakt zijn ondertekeningssleutel aan, die deze browser nooit verlaat.',
  'kiosk.enrol.code': 'Registratiecode',
  'kiosk.enrol.label': 'Naam van de kiosk',
  'kiosk.enrol.button': 'Kiosk registreren',
  'kiosk.welcome.title': 'Welkom aan de stemkiosk',
  'kiosk.welcome.intro':
    'Meld u aan met uw identiteitskaart (eID) en de pincode. Daarna stemt u voor elke verkiezing waaraan u mag deelnemen. U kunt maar één keer aan een kiosk stemmen.',
  'kiosk.welcome.start': 'Beginnen: aanmelden met mijn eID-kaart',
  'kiosk.opening': 'Uw stemsessie wordt geopend…',
  'kiosk.leave': 'Ik vertrek',
  'kiosk.idle': 'Na twee minuten zonder activiteit keert de kiosk terug naar het welkomstscherm en wist alles.',
  'kiosk.sent.title': 'Uw stem is geregistreerd',
  'kiosk.sent.text':
    'De stembus heeft uw stembiljetten ontvangen. Noteer uw volgcodes om ze op het openbare prikbord terug te vinden.',
  'kiosk.queued.title': 'Uw stem is op deze kiosk opgeslagen',
  'kiosk.queued.text':
    'Het netwerk is tijdelijk niet beschikbaar. Uw versleutelde en ondertekende stembiljetten blijven op deze kiosk en worden verzonden zodra het netwerk terug is, één keer.',
  'kiosk.tracking': 'Volgcodes',
  'kiosk.waiting': 'Stembiljetten die op deze kiosk wachten',
  'kiosk.op.title': 'Stemkiosken van de post',
  'kiosk.op.post': 'Post',
  'kiosk.op.code': 'Nieuwe registratiecode',
  'kiosk.op.code.shown': 'Code om op de kiosk in te voeren (24 uur geldig, één keer)',
  'kiosk.op.none': 'Geen kiosk geregistreerd.',
  'kiosk.op.label': 'Kiosk',
  'kiosk.op.seen': 'Laatste teken van leven',
  'kiosk.op.queued': 'Wachtende stembiljetten',
  'kiosk.op.state': 'Status',
  'kiosk.op.active': 'actief',
  'kiosk.op.revoked': 'ingetrokken',
  'kiosk.op.revoke': 'Intrekken',
  'kiosk.op.never': 'nooit',
};
