// Hybrid voting (mode 6): the print kit, the K-code and the status by K-code.
export const hybridFr = {
  'hybrid.title': 'Vote hybride (mode 6)',
  'hybrid.intro':
    'Imprimez votre kit : un bulletin vierge par élection, l’étiquette de l’enveloppe extérieure avec votre code K, celle de l’enveloppe intérieure et les instructions. Remplissez le bulletin à la main et renvoyez-le dans la double enveloppe.',
  'hybrid.period': 'Période du vote hybride',
  'hybrid.period.from-to': 'du {opens} au {closes} (arrivée au bureau principal au plus tard le {closes})',
  'hybrid.elections': 'Bulletins de votre kit',
  'hybrid.print': 'Imprimer mon kit (PDF)',
  'hybrid.reprint': 'Imprimer un nouveau kit',
  'hybrid.reprint-warning':
    'Un nouveau kit porte un nouveau code K et annule le précédent : n’envoyez que le dernier kit imprimé. Une enveloppe portant un code annulé est refusée.',
  'hybrid.printing': 'Préparation de votre kit…',
  'hybrid.printed': 'Votre kit est téléchargé. Imprimez-le à 100 %, sur A4.',
  'hybrid.kcode': 'Votre code K',
  'hybrid.kcode.none': 'Vous n’avez pas encore imprimé de kit.',
  'hybrid.kcode.issued-at': 'Kit imprimé le',
  'hybrid.status.title': 'Suivre un vote hybride',
  'hybrid.status.intro':
    'Tapez le code K imprimé sur l’étiquette de l’enveloppe extérieure. Pas besoin de vous connecter ; cette page ne montre rien de votre identité ni de votre vote.',
  'hybrid.status.code': 'Code K (18 caractères)',
  'hybrid.status.check': 'Vérifier',
  'hybrid.status.checking': 'Vérification…',
  'hybrid.status.length': 'Un code K a 18 caractères (chiffres et lettres, tirets facultatifs).',
  'hybrid.status.character':
    'Ce code contient un caractère qui n’existe pas dans les codes K (la lettre U, un accent, un signe).',
  'hybrid.status.check-failed':
    'Ce code contient une faute de frappe (le dernier caractère ne correspond pas) : vérifiez-le sur votre étiquette.',
  'hybrid.status.unknown': 'Aucun vote hybride ne porte ce code.',
  'hybrid.status.issued': 'Votre enveloppe n’est pas encore arrivée au bureau principal.',
  'hybrid.status.voided':
    'Ce code est annulé : un nouveau kit a été imprimé après lui. Une enveloppe qui porte ce code est refusée ; seul le dernier kit compte.',
  'hybrid.status.received': 'Votre enveloppe a été reçue et traitée au bureau principal.',
  'hybrid.status.cancelled': 'Votre vote hybride a été annulé.',
  'hybrid.status.counted': 'Votre vote hybride a été compté.',
  'hybrid.fact.received': 'Reçu et traité au bureau principal',
  'hybrid.fact.cancelled': 'Annulé',
  'hybrid.fact.counted': 'Compté',
  'hybrid.fact.updated': 'Dernière mise à jour',
  'hybrid.yes': 'oui',
  'hybrid.no': 'non',
  'hybrid.not-yet': 'pas encore',
  'hybrid.status.link': 'Suivre un vote hybride avec son code K',
  'hybrid.status.public-hash':
    'Dans le registre public de l’élection, votre enveloppe figure sous ce code (calculé sur cet appareil à partir de votre code K) :',
} as const;

export type HybridKey = keyof typeof hybridFr;
