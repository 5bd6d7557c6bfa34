import type { BoardKey } from './fr.ts';

export const boardNl: Readonly<Record<BoardKey, string>> = {
  'board.key.title': 'Sleutel van de verkiezing',
  'board.key.published': 'Vingerafdruk gepubliceerd op het prikbord vóór de opening van de stemming:',
  'board.key.compare': 'Vergelijk hem met de vingerafdruk op uw brief.',
  'board.key.match': 'De sleutel die dit toestel gebruikt, komt overeen met de gepubliceerde vingerafdruk.',
  'board.key.mismatch':
    'Opgelet: dit toestel kreeg een sleutel die NIET de gepubliceerde sleutel van de verkiezing is. Stem niet en meld het.',
  'board.key.unpublished': 'De sleutel van de verkiezing is nog niet op het prikbord gepubliceerd.',
  'board.receipt.checking': 'De handtekening van het ontvangstbewijs wordt nagegaan…',
  'board.receipt.signed': 'Handtekening van het ontvangstbewijs op dit toestel nagegaan met de gepubliceerde sleutel',
  'board.receipt.bad':
    'De handtekening van het ontvangstbewijs klopt NIET met de gepubliceerde sleutel: bewaar het ontvangstbewijs en meld het.',
  'board.receipt.head': 'Stand van het prikbord bij het indienen',
  'board.receipt.no-head': 'nog geen stand gepubliceerd',
  'board.verify.key-used': 'Geopend met de sleutel van de verkiezing die op het prikbord gepubliceerd is, vingerafdruk',
  'board.verify.key-differs':
    'Het stemhokje versleutelde met een andere sleutel (vingerafdruk {fingerprint}) dan de gepubliceerde: stem niet met dit toestel en meld het.',
  'board.verify.key-unavailable':
    'De gepubliceerde sleutel kon niet van het prikbord gelezen worden: het stembiljet werd niet nagegaan.',
};
