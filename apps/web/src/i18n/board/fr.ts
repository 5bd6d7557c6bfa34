// The anchored bulletin board in the booth: the election key's fingerprint, the receipt's signature
// checked on the device, and the Benaloh check against the published key.
export const boardFr = {
  'board.key.title': 'Clé de l’élection',
  'board.key.published': 'Empreinte publiée sur le tableau d’affichage avant l’ouverture du vote :',
  'board.key.compare': 'Comparez-la avec l’empreinte imprimée sur votre lettre.',
  'board.key.match': 'La clé utilisée par cet appareil correspond à l’empreinte publiée.',
  'board.key.mismatch':
    'Attention : cet appareil a reçu une clé qui n’est PAS la clé publiée de l’élection. Ne votez pas et signalez-le.',
  'board.key.unpublished': 'La clé de l’élection n’est pas encore publiée sur le tableau d’affichage.',
  'board.receipt.checking': 'Vérification de la signature du récépissé…',
  'board.receipt.signed': 'Signature du récépissé vérifiée sur cet appareil avec la clé publiée',
  'board.receipt.bad':
    'La signature du récépissé NE se vérifie PAS avec la clé publiée : gardez le récépissé et signalez-le.',
  'board.receipt.head': 'État du tableau d’affichage au dépôt',
  'board.receipt.no-head': 'aucun état publié encore',
  'board.verify.key-used': 'Ouvert avec la clé de l’élection publiée sur le tableau d’affichage, empreinte',
  'board.verify.key-differs':
    'L’isoloir a chiffré avec une autre clé (empreinte {fingerprint}) que la clé publiée : ne votez pas avec cet appareil et signalez-le.',
  'board.verify.key-unavailable':
    'La clé publiée n’a pas pu être lue sur le tableau d’affichage : le bulletin n’a pas été vérifié.',
} as const;

export type BoardKey = keyof typeof boardFr;
