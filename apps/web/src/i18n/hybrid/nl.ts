import type { HybridKey } from './fr.ts';

export const hybridNl: Readonly<Record<HybridKey, string>> = {
  'hybrid.title': 'Hybride stemmen (modus 6)',
  'hybrid.intro':
    'Druk uw kit af: een blanco stembiljet per verkiezing, het etiket van de buitenste omslag met uw K-code, dat van de binnenste omslag en de instructies. Vul het stembiljet met de hand in en stuur het terug in de dubbele omslag.',
  'hybrid.period': 'Periode van het hybride stemmen',
  'hybrid.period.from-to': 'van {opens} tot {closes} (aankomst bij het hoofdbureau uiterlijk op {closes})',
  'hybrid.elections': 'Stembiljetten in uw kit',
  'hybrid.print': 'Mijn kit afdrukken (PDF)',
  'hybrid.reprint': 'Een nieuwe kit afdrukken',
  'hybrid.reprint-warning':
    'Een nieuwe kit draagt een nieuwe K-code en annuleert de vorige: verstuur alleen de laatst afgedrukte kit. Een omslag met een geannuleerde code wordt geweigerd.',
  'hybrid.printing': 'Uw kit wordt voorbereid…',
  'hybrid.printed': 'Uw kit is gedownload. Druk hem af op 100 %, op A4.',
  'hybrid.kcode': 'Uw K-code',
  'hybrid.kcode.none': 'U hebt nog geen kit afgedrukt.',
  'hybrid.kcode.issued-at': 'Kit afgedrukt op',
  'hybrid.status.title': 'Een hybride stem volgen',
  'hybrid.status.intro':
    'Typ de K-code die op het etiket van de buitenste omslag staat. U hoeft niet aan te melden; deze pagina toont niets over uw identiteit of uw stem.',
  'hybrid.status.code': 'K-code (18 tekens)',
  'hybrid.status.check': 'Nagaan',
  'hybrid.status.checking': 'Bezig met nagaan…',
  'hybrid.status.length': 'Een K-code heeft 18 tekens (cijfers en letters, streepjes naar keuze).',
  'hybrid.status.character':
    'Deze code bevat een teken dat in K-codes niet voorkomt (de letter U, een accent, een leesteken).',
  'hybrid.status.check-failed':
    'Deze code bevat een tikfout (het laatste teken klopt niet): controleer hem op uw etiket.',
  'hybrid.status.unknown': 'Geen enkele hybride stem draagt deze code.',
  'hybrid.status.issued': 'Uw omslag is nog niet bij het hoofdbureau aangekomen.',
  'hybrid.status.voided':
    'Deze code is geannuleerd: daarna werd een nieuwe kit afgedrukt. Een omslag met deze code wordt geweigerd; alleen de laatste kit telt.',
  'hybrid.status.received': 'Uw omslag werd ontvangen en verwerkt op het hoofdbureau.',
  'hybrid.status.cancelled': 'Uw hybride stem werd geannuleerd.',
  'hybrid.status.counted': 'Uw hybride stem werd geteld.',
  'hybrid.fact.received': 'Ontvangen en verwerkt op het hoofdbureau',
  'hybrid.fact.cancelled': 'Geannuleerd',
  'hybrid.fact.counted': 'Geteld',
  'hybrid.fact.updated': 'Laatst bijgewerkt',
  'hybrid.yes': 'ja',
  'hybrid.no': 'nee',
  'hybrid.not-yet': 'nog niet',
  'hybrid.status.link': 'Een hybride stem volgen met de K-code',
  'hybrid.status.public-hash':
    'In het openbare verkiezingsregister staat uw envelop onder deze code (op dit toestel berekend uit uw K-code):',
};
