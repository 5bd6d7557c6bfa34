// Voting at a kiosk of a consular post (mode 8, issue #17): the kiosk's screens and the post's operator screen.
export const kioskFr = {
  'kiosk.title': 'Vote sur borne',
  'kiosk.loading': 'Préparation de la borne…',
  'kiosk.enrol.title': 'Enrôler cette borne',
  'kiosk.enrol.intro':
    'L’opérateur du poste saisit le code d’enrôlement à usage unique. La borne crée sa clé de signature, qui ne quitte jamais ce navigateur.',
  'kiosk.enrol.code': 'Code d’enrôlement',
  'kiosk.enrol.label': 'Nom de la borne',
  'kiosk.enrol.button': 'Enrôler la borne',
  'kiosk.welcome.title': 'Bienvenue à la borne de vote',
  'kiosk.welcome.intro':
    'Connectez-vous avec votre carte d’identité (eID) et son code PIN. Vous voterez ensuite pour chaque élection à laquelle vous pouvez participer. Un seul vote sur borne est possible.',
  'kiosk.welcome.start': 'Commencer : me connecter avec ma carte eID',
  'kiosk.opening': 'Ouverture de votre session de vote…',
  'kiosk.leave': 'Je m’en vais',
  'kiosk.idle': 'Sans activité pendant deux minutes, la borne revient à l’accueil et efface tout.',
  'kiosk.sent.title': 'Votre vote est enregistré',
  'kiosk.sent.text':
    'L’urne a reçu vos bulletins. Notez vos codes de suivi pour les retrouver sur le tableau d’affichage public.',
  'kiosk.queued.title': 'Votre vote est enregistré sur cette borne',
  'kiosk.queued.text':
    'Le réseau est momentanément indisponible. Vos bulletins, chiffrés et signés, sont gardés sur cette borne et seront transmis dès le retour du réseau, une seule fois.',
  'kiosk.tracking': 'Codes de suivi',
  'kiosk.waiting': 'Bulletins en attente sur cette borne',
  'kiosk.op.title': 'Bornes de vote du poste',
  'kiosk.op.post': 'Poste',
  'kiosk.op.code': 'Nouveau code d’enrôlement',
  'kiosk.op.code.shown': 'Code à saisir sur la borne (valable 24 heures, une seule fois)',
  'kiosk.op.none': 'Aucune borne enrôlée.',
  'kiosk.op.label': 'Borne',
  'kiosk.op.seen': 'Dernier signe de vie',
  'kiosk.op.queued': 'Bulletins en attente',
  'kiosk.op.state': 'État',
  'kiosk.op.active': 'active',
  'kiosk.op.revoked': 'révoquée',
  'kiosk.op.revoke': 'Révoquer',
  'kiosk.op.never': 'jamais',
} as const;

export type KioskKey = keyof typeof kioskFr;
