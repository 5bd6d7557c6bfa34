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
  'hybrid.reason.arrived-late': 'de omslag kwam na de uiterste datum aan',
  'hybrid.reason.voted-at-polling-station': 'u hebt in een stembureau gestemd: die stem telt',
  'hybrid.reason.voted-online': 'u hebt ook online gestemd',
  'hybrid.reason.envelope-open': 'de binnenste omslag was open of droeg een teken',
  'hybrid.reason.identity-missing': 'de identiteit van de kiezer ontbrak op de buitenste omslag',
  'hybrid.reason.ineligible': 'de kiezer was niet ingeschreven voor deze modus',
  'hybrid.reason.other': 'een andere reden, vermeld in het proces-verbaal',
  'hybrid.status.link': 'Een hybride stem volgen met de K-code',
  'error.hybrid.not-registered': 'U bent niet ingeschreven voor hybride stemmen (modus 6).',
  'error.hybrid.not-open': 'De periode van het hybride stemmen is nog niet begonnen.',
  'error.hybrid.closed': 'De periode van het hybride stemmen is voorbij.',
  'error.hybrid.no-main-office':
    'Het adres van het hoofdbureau van uw kieskring is nog niet vastgelegd: de kit kan niet worden afgedrukt.',
  'error.hybrid.already-received':
    'Het hoofdbureau heeft uw omslag al ontvangen: er kan geen nieuwe kit meer worden afgedrukt.',
  'error.hybrid.kcode-invalid': 'Dit is geen K-code: controleer wat u typte.',
  'error.hybrid.entry-same-member':
    'De tweede invoer van een stembus moet door een ander lid van team B gebeuren dan de eerste.',
  'error.hybrid.entry-not-yours': 'Een ander lid van team B doet deze invoer van de stembus.',
  'error.hybrid.entry-finished': 'Beide invoeren van deze stembus zijn klaar.',
  'error.hybrid.entry-count-mismatch':
    'Het aantal stembiljetten in de stembus is niet het aantal dat u invoerde: controleer de stembus.',
  'error.hybrid.entry-no-difference': 'Beide invoeren komen voor dit stembiljet overeen: er is niets te beslissen.',
  'error.hybrid.entry-wrong-state': 'Deze stembus is niet bij die stap van de dubbele invoer.',
};
