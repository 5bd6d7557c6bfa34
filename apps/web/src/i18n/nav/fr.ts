// Navigation: the header's links, the home page's starting points, the voter's next step, each
// official's workspace (what the role does and the links to its screens), and the next step after
// each preparation step.
export const navFr = {
  'nav.main': 'Navigation principale',
  'nav.vote': 'Voter',
  'nav.board': 'Tableau d’affichage',
  'home.start': 'Par où commencer',
  'home.start.vote': 'Voter',
  'home.start.vote.text':
    'Connectez-vous avec itsme ou votre carte d’identité : vous verrez vos élections et l’isoloir, ou votre kit de vote hybride.',
  'home.start.hybrid': 'Suivre mon enveloppe (vote hybride)',
  'home.start.hybrid.text': 'Tapez le code K imprimé sur votre étiquette, sans vous connecter.',
  'home.start.board': 'Le tableau d’affichage',
  'home.start.board.text': 'Retrouvez votre code de suivi parmi tous les bulletins reçus.',
  'home.start.official': 'Espace des agents',
  'home.start.official.text':
    'Pouvoir organisateur, commune, poste consulaire, bureau principal, assesseurs de clé, opérateurs de borne.',
  'me.next': 'Et maintenant ?',
  'me.vote': 'Voter',
  'me.vote.online': 'Vous votez en ligne : le bouton ouvre vos élections, puis l’isoloir.',
  'me.vote.hybrid':
    'Vous votez en mode hybride : imprimez votre kit, remplissez le bulletin à la main et renvoyez-le par la poste.',
  'me.vote.kiosk':
    'Vous votez sur une borne, dans l’isoloir de votre poste consulaire. Ici, vous suivez l’état de votre vote.',
  'me.vote.kiosk.link': 'Mes élections et l’état de mon vote',
  'me.vote.none': 'Vous n’êtes inscrit pour aucun mode de vote à distance pour cette journée.',
  'ws.screens': 'Vos écrans',
  'ws.cli': 'En ligne de commande, sur votre propre ordinateur',
  'ws.link.board': 'Le tableau d’affichage public',
  'ws.link.api': 'La documentation de l’API (chaque opération)',
  'ws.po-admin.text':
    'Vous préparez la journée électorale (consolidation des fichiers des électeurs, conflits, gel, lettres), ouvrez et fermez les périodes de vote, menez la cérémonie des clés et pouvez agir pour chaque bureau principal.',
  'ws.link.preparation-authority': 'Préparation : fichier consolidé, conflits, gel, lettres',
  'ws.link.ceremony': 'Cérémonie des clés',
  'ws.commune-official.text':
    'Vous chargez le fichier des électeurs de votre commune (CSV) et corrigez les lignes refusées ; une nouvelle version remplace la précédente jusqu’au gel.',
  'ws.link.preparation-commune': 'Charger le fichier des électeurs de la commune',
  'ws.consular-official.text':
    'Vous inscrivez les Belges de l’étranger de votre poste, chacun avec un seul mode de vote (hybride, en ligne ou borne).',
  'ws.link.preparation-consular': 'Inscrire un Belge de l’étranger',
  'ws.team-a.text':
    'Équipe A, identités seulement : les listes des bureaux de vote, les doubles votes à confirmer, qui a voté à distance.',
  'ws.link.team-a': 'Doubles votes de la circonscription (équipe A)',
  'ws.team-b.text':
    'Équipe B, contenus seulement, jamais une identité : les annulations à confirmer, les chiffres des procès-verbaux, leur approbation à deux.',
  'ws.link.team-b': 'Annulations et procès-verbaux (équipe B)',
  'ws.president.text':
    'Vous présidez le bureau principal de la circonscription : vous enregistrez ses bureaux de vote, dispensez celui dont la liste ne viendra pas (avec un motif), puis lancez la séparation des identités et le dépouillement.',
  'ws.trustee.text':
    'Vous détenez une part de la clé de l’élection. Vous travaillez sur votre propre ordinateur avec l’outil isoloir en ligne de commande : votre part ne quitte jamais cette machine et le serveur ne la voit jamais.',
  'ws.trustee.keygen':
    'Avant l’ouverture du vote, la cérémonie des clés (votre empreinte s’affiche ; échangez-la avec les autres assesseurs par téléphone ou sur papier) :',
  'ws.trustee.count':
    'Au dépouillement, après la séparation des identités : mélanger, vérifier, puis déchiffrer votre part :',
  'ws.link.ceremony-public': 'Transcription publique de la cérémonie des clés (JSON)',
  'ws.kiosk-operator.text':
    'Dans votre poste consulaire, vous accueillez les électeurs inscrits pour le vote sur borne, vérifiez leur identité, puis les laissez seuls dans l’isoloir : ils se connectent avec leur carte d’identité et votent dans l’isoloir en ligne, sur la borne.',
  'ws.kiosk-operator.steps':
    'Sur la borne, ouvrez la connexion de l’électeur ci-dessous avant chaque électeur : il se connecte avec sa carte d’identité, arrive sur sa page et vote dans l’isoloir ; il se déconnecte ensuite (ou vous le faites pour lui) avant le suivant.',
  'ws.link.booth': 'La connexion de l’électeur, à ouvrir sur la borne',
  'ws.observer.text':
    'Vous observez : le tableau d’affichage, la transcription des cérémonies des clés et, après le dépouillement, le registre public de l’élection et les procès-verbaux.',
  'next.title': 'Étape suivante',
  'next.commune-imported':
    'Le fichier est enregistré. Le pouvoir organisateur le consolidera avec les autres communes et les inscriptions consulaires ; vous pouvez charger une version corrigée à tout moment avant le gel.',
  'next.registered': 'Inscrivez la personne suivante, ou revenez à votre espace.',
  'next.consolidate':
    'Commencez par consolider le fichier des électeurs : les fichiers des communes et les inscriptions consulaires deviennent un seul fichier, et les conflits apparaissent.',
  'next.resolve': 'Résolvez chaque conflit ci-dessous avec un motif ; ensuite seulement, le gel est possible.',
  'next.freeze':
    'Vérifiez les fichiers par mode et les lettres, puis figez les fichiers : c’est l’ouverture du vote, et plus rien ne pourra changer.',
  'next.frozen': 'Les fichiers sont figés. Ensuite : la cérémonie des clés, puis l’ouverture des périodes de vote.',
  'next.workspace': 'Revenir à mon espace',
  'confirm.cancel': 'Annuler',
  'confirm.irreversible': 'Cet acte est définitif et consigné au journal d’audit.',
  'confirm.freeze.title': 'Figer les fichiers des électeurs et ouvrir le vote ?',
  'confirm.freeze.text':
    'Seront figés : le fichier consolidé de {day} ({voters} électeurs), devenu les fichiers des modes 6 (hybride), 7 (en ligne) et 8 (borne), et les listes de candidats de {elections}. L’empreinte SHA-256 de chaque fichier est publiée. Plus rien de la préparation ne pourra changer.',
  'confirm.freeze.yes': 'Oui, figer et ouvrir le vote',
  'confirm.approve.title': 'Approuver ce procès-verbal ?',
  'confirm.approve.text':
    'Procès-verbal {pv}, circonscription {constituency}, {election}. Votre nom et l’heure sont consignés. Avec l’approbation d’un second membre, il devient définitif et est publié (PDF, JSON, CSV) ; il ne pourra plus changer.',
  'confirm.approve.yes': 'Oui, approuver',
  'periods.title': 'Périodes de vote',
  'periods.intro':
    'Chaque période est celle de la configuration de la journée (les dates imprimées sur les lettres). L’ouvrir laisse l’urne accepter les bulletins dans cette fenêtre ; la clore est définitif. Le dépouillement commence quand toutes les périodes électroniques d’une élection sont closes ou terminées.',
  'periods.window': 'Fenêtre (heure de votre appareil)',
  'periods.ballots': 'Bulletins reçus',
  'periods.act': 'Acte',
  'periods.open': 'Ouvrir la période',
  'periods.close': 'Clore définitivement',
  'confirm.close.title': 'Clore définitivement cette période de vote ?',
  'confirm.close.text':
    'Sera close : la période {period}. L’urne refusera tout bulletin, même avant la fin prévue ({closes}), et les isoloirs ouverts se ferment. Bulletins reçus : {ballots}.',
  'confirm.close.yes': 'Oui, clore la période',
  'office.title': 'Bureau principal de circonscription : le dépouillement',
  'office.intro':
    'Avant la séparation des identités, chaque bureau de vote de la circonscription a remis sa liste ou en est dispensé (avec un motif), et chaque double vote est réglé. Ensuite les assesseurs mélangent et déchiffrent ; vous dépouillez, et l’équipe B approuve les procès-verbaux.',
  'office.stations': 'Bureaux de vote',
  'office.stations.none': 'Aucun bureau de vote n’est encore enregistré.',
  'office.station.voters': 'Électeurs sur ses listes',
  'office.station.reported': 'liste reçue',
  'office.station.waived': 'dispensé : {reason}',
  'office.station.waiting': 'liste attendue',
  'office.register': 'Bureaux de vote à enregistrer',
  'office.register.help': 'Un nom par ligne, tel que l’équipe A l’utilise pour les listes.',
  'office.register.run': 'Enregistrer',
  'office.waive': 'Bureau dont la liste ne viendra pas',
  'office.waive.reason': 'Motif (au moins 3 caractères)',
  'office.waive.run': 'Dispenser ce bureau',
  'office.pending': 'Doubles votes encore à régler',
  'office.groups': 'Groupes de bulletins',
  'office.groups.none': 'Les groupes apparaissent à la séparation des identités.',
  'office.group': 'Groupe',
  'office.trustees': 'Assesseurs de clé',
  'office.trustees.work': 'mélanges {shuffles} / {threshold}, déchiffrements {decryptions} / {threshold}',
  'office.split': 'Séparer les identités des contenus',
  'office.count': 'Dépouiller',
  'office.count.result':
    'Groupes dépouillés : {counted} ; en attente des assesseurs : {waiting} ; procès-verbaux produits : {pvs}.',
  'confirm.split.title': 'Séparer les identités de {constituency} ?',
  'confirm.split.text':
    '{election} : les bulletins électroniques quittent leurs identités, dans un ordre aléatoire, pour être mélangés puis déchiffrés. Bureaux de vote enregistrés : {stations} ; liste reçue : {reported} ; dispensés : {waived}. Après la séparation, plus aucune liste de bureau de vote ne peut annuler un bulletin.',
  'confirm.split.yes': 'Oui, séparer',
  'confirm.count.title': 'Dépouiller {constituency} ?',
  'confirm.count.text':
    '{election} : les déchiffrements des assesseurs sont combinés, chaque bulletin (en tout : {ballots}) est classé (Code électoral, art. 156) et compté ; quand tous les groupes sont comptés, les procès-verbaux sont produits pour l’équipe B. Les voix ne sont publiées qu’après leur approbation.',
  'confirm.count.yes': 'Oui, dépouiller',
  'next.periods.open':
    'Quand les périodes sont terminées, closez-les : le dépouillement de chaque circonscription commence ensuite au bureau principal.',
  'next.periods.closed':
    'Toutes les périodes sont closes : chaque bureau principal peut séparer les identités et dépouiller.',
  'next.office.stations':
    'Attendez les listes des bureaux de vote (l’équipe A les importe) ou dispensez ceux qui ne viendront pas ; l’équipe A confirme les doubles votes et l’équipe B les annule.',
  'next.office.split': 'Tout est en place : séparez les identités des contenus.',
  'next.office.trustees':
    'Les assesseurs de clé mélangent puis déchiffrent chaque groupe sur leurs propres ordinateurs ; quand chaque groupe a ses déchiffrements, dépouillez.',
  'next.office.team-b': 'Le dépouillement est fait : l’équipe B vérifie et approuve les procès-verbaux (deux membres).',
  'ws.link.periods': 'Périodes de vote : ouvrir, clore',
  'ws.link.office': 'Le dépouillement d’un bureau principal',
  'confirm.answers.title': 'Clore le temps des réponses ?',
  'confirm.answers.text':
    'Chaque plainte restée sans réponse est retenue : l’assesseur visé est écarté, il ne mélange ni ne déchiffre. Assesseurs qui doivent encore répondre : {trustees}.',
  'confirm.answers.yes': 'Oui, clore les réponses',
  'office.session': 'Séance du bureau et procès-verbal',
  'office.session.opened': 'Ouverture de la séance',
  'office.session.closed': 'Clôture de la séance',
  'office.session.open': 'Ouvrir la séance',
  'office.session.close': 'Clore la séance',
  'office.observations': 'Observations, réclamations et bulletins contestés',
  'office.observations.none': 'Rien n’est consigné pour l’instant.',
  'office.observation.kind': 'Nature',
  'office.observation.author': 'Auteur (nom, qualité)',
  'office.observation.text': 'Texte, tel qu’il figurera au procès-verbal',
  'office.observation.add': 'Consigner au procès-verbal',
  'office.kind.observation': 'Observation',
  'office.kind.claim': 'Réclamation',
  'office.kind.contested': 'Bulletin contesté',
  'office.members': 'Membres et témoins du bureau',
  'office.place': 'Lieu de la séance',
  'office.member.role': 'Qualité',
  'office.member.name': 'Nom',
  'office.member.list': 'Liste qui désigne le témoin',
  'office.member.president': 'Président',
  'office.member.secretary': 'Secrétaire',
  'office.member.assessor': 'Assesseur',
  'office.member.substitute': 'Assesseur suppléant',
  'office.member.witness': 'Témoin',
  'office.member.add': 'Ajouter une personne',
  'office.members.save': 'Enregistrer le lieu et les membres',
  'auth.refused.fresh': 'Vous pourrez choisir un autre moyen de connexion : itsme ou votre carte d’identité (eID).',
} as const;

export type NavKey = keyof typeof navFr;
