import type { HybridKey } from './fr.ts';

export const hybridEn: Readonly<Record<HybridKey, string>> = {
  'hybrid.title': 'Hybrid voting (mode 6)',
  'hybrid.intro':
    'Print your kit: a blank ballot for each election, the outer envelope’s label with your K-code, the inner envelope’s label and the instructions. Fill in the ballot by hand and send it back in the double envelope.',
  'hybrid.period': 'Hybrid voting period',
  'hybrid.period.from-to': 'from {opens} to {closes} (arriving at the main office by {closes})',
  'hybrid.elections': 'Ballots in your kit',
  'hybrid.print': 'Print my kit (PDF)',
  'hybrid.reprint': 'Print a new kit',
  'hybrid.reprint-warning':
    'A new kit carries a new K-code and voids the previous one: send only the kit you printed last. An envelope carrying a voided code is refused.',
  'hybrid.printing': 'Preparing your kit…',
  'hybrid.printed': 'Your kit is downloaded. Print it at 100 %, on A4.',
  'hybrid.kcode': 'Your K-code',
  'hybrid.kcode.none': 'You have not printed a kit yet.',
  'hybrid.kcode.issued-at': 'Kit printed on',
  'hybrid.status.title': 'Follow a hybrid vote',
  'hybrid.status.intro':
    'Type the K-code printed on the outer envelope’s label. No login needed; this page shows nothing of your identity or your vote.',
  'hybrid.status.code': 'K-code (18 characters)',
  'hybrid.status.check': 'Check',
  'hybrid.status.checking': 'Checking…',
  'hybrid.status.length': 'A K-code has 18 characters (digits and letters, dashes optional).',
  'hybrid.status.character': 'This code holds a character no K-code has (the letter U, an accent, a sign).',
  'hybrid.status.check-failed':
    'This code holds a typing error (its last character does not match): check it on your label.',
  'hybrid.status.unknown': 'No hybrid vote carries this code.',
  'hybrid.status.issued': 'Your envelope has not reached the main office yet.',
  'hybrid.status.voided':
    'This code is void: a new kit was printed after it. An envelope carrying this code is refused; only the last kit counts.',
  'hybrid.status.received': 'Your envelope was received and processed at the main office.',
  'hybrid.status.cancelled': 'Your hybrid vote was cancelled.',
  'hybrid.status.counted': 'Your hybrid vote was counted.',
  'hybrid.fact.received': 'Received and processed at the main office',
  'hybrid.fact.cancelled': 'Cancelled',
  'hybrid.fact.counted': 'Counted',
  'hybrid.fact.updated': 'Last update',
  'hybrid.yes': 'yes',
  'hybrid.no': 'no',
  'hybrid.not-yet': 'not yet',
  'hybrid.status.link': 'Follow a hybrid vote with its K-code',
  'hybrid.status.public-hash':
    'In the public election record, your envelope is listed under this code (computed on this device from your K-code):',
};
