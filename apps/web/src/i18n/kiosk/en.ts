import type { KioskKey } from './fr.ts';

export const kioskEn: Readonly<Record<KioskKey, string>> = {
  'kiosk.title': 'Kiosk voting',
  'kiosk.loading': 'Preparing the kiosk…',
  'kiosk.enrol.title': 'Enrol this kiosk',
  'kiosk.enrol.intro':
    'The post’s operator types the single-use enrolment code. The kiosk creates its signing key, which never leaves this browser.',
  'kiosk.enrol.code': 'Enrolment code',
  'kiosk.enrol.label': 'Kiosk name',
  'kiosk.enrol.button': 'Enrol the kiosk',
  'kiosk.welcome.title': 'Welcome to the voting kiosk',
  'kiosk.welcome.intro':
    'Log in with your identity card (eID) and its PIN. You then vote in each election you may vote in. Only one kiosk vote is possible.',
  'kiosk.welcome.start': 'Start: log in with my eID card',
  'kiosk.opening': 'Opening your voting session…',
  'kiosk.leave': 'I’m leaving',
  'kiosk.idle': 'After two minutes without activity the kiosk returns to the welcome screen and erases everything.',
  'kiosk.sent.title': 'Your vote is recorded',
  'kiosk.sent.text':
    'The ballot box has received your ballots. Note your tracking codes to find them on the public bulletin board.',
  'kiosk.queued.title': 'Your vote is recorded on this kiosk',
  'kiosk.queued.text':
    'The network is unavailable for now. Your encrypted and signed ballots are kept on this kiosk and will be transmitted once the network is back, exactly once.',
  'kiosk.tracking': 'Tracking codes',
  'kiosk.waiting': 'Ballots waiting on this kiosk',
  'kiosk.op.title': 'The post’s voting kiosks',
  'kiosk.op.post': 'Post',
  'kiosk.op.code': 'New enrolment code',
  'kiosk.op.code.shown': 'Code to type on the kiosk (valid 24 hours, once)',
  'kiosk.op.none': 'No kiosk enrolled.',
  'kiosk.op.label': 'Kiosk',
  'kiosk.op.seen': 'Last seen',
  'kiosk.op.queued': 'Ballots waiting',
  'kiosk.op.state': 'State',
  'kiosk.op.active': 'active',
  'kiosk.op.revoked': 'revoked',
  'kiosk.op.revoke': 'Revoke',
  'kiosk.op.never': 'never',
};
