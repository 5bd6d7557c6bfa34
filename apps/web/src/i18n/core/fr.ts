export const coreFr = {
  'app.skip': 'Aller au contenu',
  'app.tagline': 'Le vote à distance pour les élections belges',
  'app.language': 'Langue',
  'nav.home': 'Accueil',
  'home.title': 'Voter à distance, en toute confiance',
  'home.intro':
    'isoloir organise les trois nouveaux modes de vote à distance : le vote hybride par courrier, le vote entièrement en ligne et le vote sur borne dans un poste consulaire. Chaque vote électronique est chiffré sur votre appareil et le dépouillement peut être vérifié par chacun.',
  'home.modes': 'Les trois modes de vote',
  'mode.hybrid.title': 'Hybride',
  'mode.hybrid.text':
    'Imprimez le bulletin chez vous, remplissez-le à la main et renvoyez-le par la poste dans une double enveloppe.',
  'mode.online.title': 'En ligne',
  'mode.online.text':
    'Connectez-vous avec itsme ou votre carte d’identité, votez, et votez à nouveau si vous le souhaitez : seul le dernier vote compte.',
  'mode.kiosk.title': 'Borne',
  'mode.kiosk.text': 'Votez sur une machine à voter en ligne, dans l’isoloir d’un poste consulaire.',
  'home.elections': 'Élections',
  'home.loading': 'Chargement…',
  'home.none': 'Aucune élection n’est encore organisée.',
  'election.date': 'Date du scrutin',
  'election.seats': 'Sièges',
  'election.voters': 'Électeurs inscrits',
  'election.constituencies': 'Circonscriptions',
  'constituency.name': 'Circonscription',
  'constituency.seats': 'Sièges',
  'constituency.lists': 'Listes',
  'constituency.candidates': 'Candidats',
  'constituency.languages': 'Langues',
  'footer.api': 'Documentation de l’API',
  'footer.source': 'Logiciel libre',
} as const;

export type CoreKey = keyof typeof coreFr;
