import type { CeremonyKey } from './fr.ts';

export const ceremonyNl: Readonly<Record<CeremonyKey, string>> = {
  'ceremony.title': 'Sleutelceremonie van de sleutelbewaarders',
  'ceremony.intro':
    'Elke sleutelbewaarder voert "isoloir trustee keygen" uit op de eigen machine. De server is enkel een prikbord: hij ziet nooit een sleuteldeel in klare tekst. Volg hier elke stap.',
  'ceremony.none': 'Voor deze verkiezing is geen ceremonie geopend.',
  'ceremony.trustees': 'Aantal sleutelbewaarders (n)',
  'ceremony.threshold': 'Drempel (t)',
  'ceremony.open': 'De ceremonie openen',
  'ceremony.saved': 'Gedaan.',
  'ceremony.phase': 'Stap:',
  'ceremony.phase.registering': 'inschrijving van de sleutelbewaarders',
  'ceremony.phase.dealing': 'verdeling van de delen',
  'ceremony.phase.checking': 'controle van de ontvangen delen',
  'ceremony.phase.answering': 'antwoorden op klachten',
  'ceremony.phase.keys': 'verificatiesleutels',
  'ceremony.phase.done': 'afgerond: de verkiezingssleutel is gepubliceerd',
  'ceremony.phase.failed': 'mislukt: minder dan t gekwalificeerde verdelers',
  'ceremony.params': '{t} van {n}',
  'ceremony.board': 'Het prikbord: wat elke sleutelbewaarder publiceerde (ondertekend)',
  'ceremony.trustee': 'Nr.',
  'ceremony.official': 'Sleutelbewaarder',
  'ceremony.not-registered': 'nog niet ingeschreven',
  'ceremony.step.dealing': 'Verdeling',
  'ceremony.step.checked': 'Controle',
  'ceremony.step.answer': 'Antwoord',
  'ceremony.step.verification-key': 'Verificatiesleutel',
  'ceremony.posted': 'gepubliceerd',
  'ceremony.complaints': 'Klachten',
  'ceremony.complaints.none': 'Geen klachten.',
  'ceremony.complaint': 'Sleutelbewaarder {by} klaagt over verdeler {against}.',
  'ceremony.answered': 'Beantwoord.',
  'ceremony.unanswered': 'Onbeantwoord.',
  'ceremony.close-answers': 'De antwoordtijd afsluiten (onbeantwoorde klachten worden aanvaard)',
  'ceremony.qualified': 'Gekwalificeerde verdelers:',
  'ceremony.key': 'Publieke sleutel van de verkiezing:',
  'ceremony.refresh': 'Vernieuwen',
  'error.ceremony.state': 'De sleutelceremonie is niet bij deze stap.',
  'error.ceremony.identity':
    'U bent niet de sleutelbewaarder die onder dit nummer is ingeschreven, of het nummer is bezet.',
  'error.ceremony.signature':
    'De publicatie is niet ondertekend met de ingeschreven sleutel van de sleutelbewaarder: geweigerd.',
  'error.ceremony.invalid': 'De publicatie klopt niet (bewijs of inhoud): geweigerd.',
  'error.counting.signature':
    'De upload is niet ondertekend met de ingeschreven sleutel van de sleutelbewaarder: geweigerd.',
  'error.counting.trustee-identity':
    'U bent niet de sleutelbewaarder die onder dit nummer is ingeschreven voor deze verkiezing.',
};
