// The PV's fixed texts in the constituency's languages (FR, NL or DE; Brussels-Capital FR and NL
// side by side): headings, figures, reasons and rules in words, the office's roles. Laid out after
// the model of the PV of a counting office (Code électoral, art. 161–165; [U] the model annexed to
// the ministerial instructions, adapted to electronic ballots: no paper to count or seal).
type Lang = 'fr' | 'nl' | 'de';

const T = {
  title: {
    fr: 'Procès-verbal du dépouillement des votes électroniques',
    nl: 'Proces-verbaal van de telling van de elektronische stemmen',
    de: 'Protokoll der Auszählung der elektronischen Stimmen',
  },
  office: {
    fr: 'Bureau principal de circonscription',
    nl: 'Kieskringhoofdbureau',
    de: 'Hauptwahlvorstand des Wahlkreises',
  },
  'mode.online': { fr: 'vote en ligne (mode 7)', nl: 'online stemmen (modus 7)', de: 'Online-Stimmabgabe (Modus 7)' },
  'mode.kiosk': {
    fr: 'vote sur borne dans un poste consulaire (mode 8)',
    nl: 'stemmen op een zuil in een consulaire post (modus 8)',
    de: 'Stimmabgabe am Terminal in einem Konsularposten (Modus 8)',
  },
  'cat.belgium': { fr: 'électeurs en Belgique', nl: 'kiezers in België', de: 'Wähler in Belgien' },
  'cat.abroad': { fr: 'électeurs à l’étranger', nl: 'kiezers in het buitenland', de: 'Wähler im Ausland' },
  's.office': { fr: 'Composition du bureau', nl: 'Samenstelling van het bureau', de: 'Zusammensetzung des Vorstands' },
  place: { fr: 'Lieu', nl: 'Plaats', de: 'Ort' },
  date: { fr: 'Date de l’élection', nl: 'Datum van de verkiezing', de: 'Datum der Wahl' },
  opened: { fr: 'Séance ouverte le', nl: 'Zitting geopend op', de: 'Sitzung eröffnet am' },
  closed: { fr: 'Séance close le', nl: 'Zitting gesloten op', de: 'Sitzung geschlossen am' },
  'not-recorded': { fr: 'non indiqué', nl: 'niet vermeld', de: 'nicht angegeben' },
  witnesses: { fr: 'Témoins', nl: 'Getuigen', de: 'Zeugen' },
  'witness-of': { fr: 'témoin de la liste', nl: 'getuige van lijst', de: 'Zeuge der Liste' },
  'no-members': {
    fr: 'Aucun membre n’a été indiqué.',
    nl: 'Er werden geen leden opgegeven.',
    de: 'Es wurden keine Mitglieder angegeben.',
  },
  's.set': {
    fr: 'Bulletins dépouillés dans ce procès-verbal',
    nl: 'Stembiljetten geteld in dit proces-verbaal',
    de: 'In diesem Protokoll ausgezählte Stimmzettel',
  },
  'set.one': {
    fr: 'Ce procès-verbal porte sur un seul groupe :',
    nl: 'Dit proces-verbaal betreft één groep:',
    de: 'Dieses Protokoll betrifft eine einzige Gruppe:',
  },
  'set.merged': {
    fr: 'Aucun groupe de moins de {min} bulletins n’est dépouillé seul, afin que nul vote ne puisse être attribué à un électeur. Par application de cette règle (sans décision discrétionnaire), ce procès-verbal réunit les groupes suivants :',
    nl: 'Geen groep van minder dan {min} stembiljetten wordt afzonderlijk geteld, zodat geen stem aan een kiezer kan worden toegeschreven. Met toepassing van deze regel (zonder discretionaire beslissing) brengt dit proces-verbaal de volgende groepen samen:',
    de: 'Keine Gruppe mit weniger als {min} Stimmzetteln wird allein ausgezählt, damit keine Stimme einem Wähler zugeordnet werden kann. In Anwendung dieser Regel (ohne Ermessensentscheidung) fasst dieses Protokoll folgende Gruppen zusammen:',
  },
  'set.withheld': {
    fr: 'Les {n} bulletins électroniques de la circonscription, tous groupes réunis, restent en dessous du minimum de {min} bulletins en deçà duquel nul groupe n’est dépouillé (ensemble d’anonymat minimal). Ils ne sont ni déchiffrés ni dépouillés : ils restent chiffrés dans le registre de l’élection, qui mentionne cette retenue et que chacun peut vérifier.',
    nl: 'De {n} elektronische stembiljetten van de kieskring blijven, alle groepen samen, onder het minimum van {min} stembiljetten waaronder geen groep wordt geteld (minimale anonimiteitsgroep). Ze worden niet ontsleuteld en niet geteld: ze blijven versleuteld in het register van de verkiezing, dat deze inhouding vermeldt en dat iedereen kan controleren.',
    de: 'Die {n} elektronischen Stimmzettel des Wahlkreises bleiben, alle Gruppen zusammen, unter dem Minimum von {min} Stimmzetteln, unter dem keine Gruppe ausgezählt wird (Mindestanonymitätsmenge). Sie werden weder entschlüsselt noch ausgezählt: Sie bleiben verschlüsselt im Register der Wahl, das diese Zurückbehaltung ausweist und das jeder prüfen kann.',
  },
  withheld: {
    fr: 'Retenus, non dépouillés (en dessous de l’ensemble d’anonymat minimal)',
    nl: 'Ingehouden, niet geteld (onder de minimale anonimiteitsgroep)',
    de: 'Zurückbehalten, nicht ausgezählt (unter der Mindestanonymitätsmenge)',
  },
  'rule.abroad-with-belgium': {
    fr: 'joint à l’autre catégorie du même mode de vote',
    nl: 'samengevoegd met de andere categorie van dezelfde stemwijze',
    de: 'mit der anderen Kategorie derselben Stimmabgabeart zusammengelegt',
  },
  'rule.across-modes': {
    fr: 'joint à un autre mode de vote électronique de la circonscription',
    nl: 'samengevoegd met een andere elektronische stemwijze van de kieskring',
    de: 'mit einer anderen elektronischen Stimmabgabeart des Wahlkreises zusammengelegt',
  },
  carrier: { fr: 'groupe principal', nl: 'hoofdgroep', de: 'Hauptgruppe' },
  ballots: { fr: 'bulletins', nl: 'stembiljetten', de: 'Stimmzettel' },
  's.figures': {
    fr: 'Bulletins reçus et dépouillés',
    nl: 'Ontvangen en getelde stembiljetten',
    de: 'Eingegangene und ausgezählte Stimmzettel',
  },
  registered: {
    fr: 'Électeurs inscrits pour ce mode de vote',
    nl: 'Voor deze stemwijze ingeschreven kiezers',
    de: 'Für diese Stimmabgabeart eingetragene Wähler',
  },
  received: {
    fr: 'Bulletins reçus par l’urne électronique',
    nl: 'Door de elektronische stembus ontvangen stembiljetten',
    de: 'Von der elektronischen Urne empfangene Stimmzettel',
  },
  superseded: {
    fr: 'Remplacés par un vote ultérieur du même électeur (le dernier vote compte)',
    nl: 'Vervangen door een latere stem van dezelfde kiezer (de laatste stem telt)',
    de: 'Durch eine spätere Stimme desselben Wählers ersetzt (die letzte Stimme zählt)',
  },
  cancelled: { fr: 'Annulés', nl: 'Geannuleerd', de: 'Annulliert' },
  'reason.voted-at-polling-station': {
    fr: 'l’électeur a voté dans un bureau de vote (ce vote-là compte)',
    nl: 'de kiezer heeft in een stembureau gestemd (die stem telt)',
    de: 'der Wähler hat in einem Wahlbüro gewählt (diese Stimme zählt)',
  },
  'reason.french-language-group': {
    fr: 'l’électeur a ensuite voté pour le groupe linguistique français au Parlement bruxellois (loi spéciale du 12 janvier 1989, art. 14, al. 2)',
    nl: 'de kiezer heeft daarna voor de Franse taalgroep in het Brussels Parlement gestemd (bijzondere wet van 12 januari 1989, art. 14, lid 2)',
    de: 'der Wähler hat danach für die französische Sprachgruppe im Brüsseler Parlament gestimmt (Sondergesetz vom 12. Januar 1989, Art. 14 Abs. 2)',
  },
  'reason.voted-twice': { fr: 'vote double', nl: 'dubbele stem', de: 'doppelte Stimmabgabe' },
  'reason.ineligible': {
    fr: 'l’électeur n’était pas admis à ce vote',
    nl: 'de kiezer was niet tot deze stemming toegelaten',
    de: 'der Wähler war zu dieser Wahl nicht zugelassen',
  },
  'reason.other': { fr: 'autre motif', nl: 'andere reden', de: 'anderer Grund' },
  counted: { fr: 'Bulletins dépouillés', nl: 'Getelde stembiljetten', de: 'Ausgezählte Stimmzettel' },
  valid: { fr: 'Bulletins valables', nl: 'Geldige stembiljetten', de: 'Gültige Stimmzettel' },
  blank: { fr: 'Bulletins blancs', nl: 'Blanco stembiljetten', de: 'Leere Stimmzettel' },
  invalid: { fr: 'Bulletins nuls', nl: 'Ongeldige stembiljetten', de: 'Ungültige Stimmzettel' },
  'blank-invalid': {
    fr: 'Bulletins blancs et nuls ensemble',
    nl: 'Blanco en ongeldige stembiljetten samen',
    de: 'Leere und ungültige Stimmzettel zusammen',
  },
  'invalid-why': {
    fr: 'Motifs de nullité (art. 156, § 2)',
    nl: 'Redenen van ongeldigheid (art. 156, § 2)',
    de: 'Gründe der Ungültigkeit (Art. 156 § 2)',
  },
  check: { fr: 'Contrôle', nl: 'Controle', de: 'Kontrolle' },
  holds: { fr: 'exact', nl: 'klopt', de: 'stimmt' },
  fails: { fr: 'NE CONCORDE PAS', nl: 'KLOPT NIET', de: 'STIMMT NICHT' },
  's.lists': {
    fr: 'Suffrages par liste et par candidat',
    nl: 'Stemmen per lijst en per kandidaat',
    de: 'Stimmen je Liste und je Kandidat',
  },
  'lists.help': {
    fr: 'B : vote en tête de liste seul ; C : vote pour un ou plusieurs candidats titulaires seulement ; D : vote pour titulaires et suppléants ; E : vote pour suppléants seulement.',
    nl: 'B: stem enkel bovenaan de lijst; C: stem enkel voor een of meer effectieve kandidaten; D: stem voor effectieven en opvolgers; E: stem enkel voor opvolgers.',
    de: 'B: nur Stimme am Listenkopf; C: Stimme nur für ordentliche Kandidaten; D: Stimme für ordentliche und Ersatzkandidaten; E: Stimme nur für Ersatzkandidaten.',
  },
  list: { fr: 'Liste', nl: 'Lijst', de: 'Liste' },
  total: {
    fr: 'Total des bulletins valables de la liste',
    nl: 'Totaal geldige stembiljetten van de lijst',
    de: 'Gültige Stimmzettel der Liste insgesamt',
  },
  effectives: { fr: 'Candidats titulaires', nl: 'Effectieve kandidaten', de: 'Ordentliche Kandidaten' },
  substitutes: { fr: 'Candidats suppléants', nl: 'Opvolgers', de: 'Ersatzkandidaten' },
  's.observations': {
    fr: 'Observations, réclamations et bulletins contestés',
    nl: 'Opmerkingen, bezwaren en betwiste stembiljetten',
    de: 'Bemerkungen, Beschwerden und beanstandete Stimmzettel',
  },
  'kind.observation': { fr: 'Observation', nl: 'Opmerking', de: 'Bemerkung' },
  'kind.claim': { fr: 'Réclamation', nl: 'Bezwaar', de: 'Beschwerde' },
  'kind.contested': { fr: 'Bulletin contesté', nl: 'Betwist stembiljet', de: 'Beanstandeter Stimmzettel' },
  by: { fr: 'par', nl: 'door', de: 'von' },
  'none.observations': {
    fr: 'Aucune observation ni réclamation n’a été formulée.',
    nl: 'Er werden geen opmerkingen of bezwaren gemaakt.',
    de: 'Es wurden keine Bemerkungen oder Beschwerden vorgebracht.',
  },
  'none.contested': {
    fr: 'Aucun bulletin n’a été contesté.',
    nl: 'Geen enkel stembiljet werd betwist.',
    de: 'Kein Stimmzettel wurde beanstandet.',
  },
  's.closing': {
    fr: 'Clôture, approbation et signatures',
    nl: 'Afsluiting, goedkeuring en handtekeningen',
    de: 'Abschluss, Genehmigung und Unterschriften',
  },
  hash: {
    fr: 'Empreinte (SHA-256) du registre électoral vérifiable',
    nl: 'Vingerafdruk (SHA-256) van het verifieerbare verkiezingsregister',
    de: 'Fingerabdruck (SHA-256) des überprüfbaren Wahlregisters',
  },
  'hash.pending': {
    fr: 'en attente : le registre est publié quand toutes les circonscriptions sont dépouillées',
    nl: 'in afwachting: het register wordt gepubliceerd wanneer alle kieskringen geteld zijn',
    de: 'ausstehend: das Register wird veröffentlicht, wenn alle Wahlkreise ausgezählt sind',
  },
  generated: { fr: 'Établi le', nl: 'Opgemaakt op', de: 'Erstellt am' },
  approvals: {
    fr: 'Approuvé par l’équipe B (quatre yeux)',
    nl: 'Goedgekeurd door team B (vier ogen)',
    de: 'Genehmigt von Team B (Vier-Augen-Prinzip)',
  },
  'no-approvals': {
    fr: 'Pas encore approuvé : projet.',
    nl: 'Nog niet goedgekeurd: ontwerp.',
    de: 'Noch nicht genehmigt: Entwurf.',
  },
  at: { fr: 'le', nl: 'op', de: 'am' },
  signatures: {
    fr: 'Signatures des membres du bureau et des témoins',
    nl: 'Handtekeningen van de leden van het bureau en van de getuigen',
    de: 'Unterschriften der Mitglieder des Vorstands und der Zeugen',
  },
  page: { fr: 'Page', nl: 'Pagina', de: 'Seite' },
  'role.president': { fr: 'Président', nl: 'Voorzitter', de: 'Vorsitzender' },
  'role.secretary': { fr: 'Secrétaire', nl: 'Secretaris', de: 'Sekretär' },
  'role.assessor': { fr: 'Assesseur', nl: 'Bijzitter', de: 'Beisitzer' },
  'role.substitute': { fr: 'Assesseur suppléant', nl: 'Plaatsvervangend bijzitter', de: 'Ersatzbeisitzer' },
  'role.witness': { fr: 'Témoin', nl: 'Getuige', de: 'Zeuge' },
  'ballot.unofficial-paper': {
    fr: 'bulletin autre que celui autorisé (1°)',
    nl: 'ander dan het toegelaten stembiljet (1°)',
    de: 'anderer als der zugelassene Stimmzettel (1°)',
  },
  'ballot.several-head-boxes': {
    fr: 'plus d’un vote de liste en case de tête (2°)',
    nl: 'meer dan één lijststem bovenaan (2°)',
    de: 'mehr als eine Listenstimme am Kopf (2°)',
  },
  'ballot.head-box-and-other-list': {
    fr: 'vote de liste et vote pour des candidats d’une autre liste (3°)',
    nl: 'lijststem en stem voor kandidaten van een andere lijst (3°)',
    de: 'Listenstimme und Stimme für Kandidaten einer anderen Liste (3°)',
  },
  'ballot.several-lists': {
    fr: 'votes pour des candidats de listes différentes (4°)',
    nl: 'stemmen voor kandidaten van verschillende lijsten (4°)',
    de: 'Stimmen für Kandidaten verschiedener Listen (4°)',
  },
  'ballot.altered-or-identifiable': {
    fr: 'bulletin altéré ou rendu reconnaissable (5°)',
    nl: 'gewijzigd of herkenbaar gemaakt stembiljet (5°)',
    de: 'veränderter oder kenntlich gemachter Stimmzettel (5°)',
  },
  'ballot.unknown-list': {
    fr: 'marque pour une liste absente du bulletin (1°)',
    nl: 'merkteken voor een lijst die niet op het stembiljet staat (1°)',
    de: 'Markierung für eine Liste, die nicht auf dem Stimmzettel steht (1°)',
  },
  'ballot.unknown-candidate': {
    fr: 'marque pour un candidat absent de la liste (1°)',
    nl: 'merkteken voor een kandidaat die niet op de lijst staat (1°)',
    de: 'Markierung für einen Kandidaten, der nicht auf der Liste steht (1°)',
  },
  'ballot.malformed': {
    fr: 'bulletin électronique sans la structure autorisée (1°)',
    nl: 'elektronisch stembiljet zonder de toegelaten structuur (1°)',
    de: 'elektronischer Stimmzettel ohne die zugelassene Struktur (1°)',
  },
  // The hybrid PV (mode 6, paper ballots by post; apps/server/src/hybrid/hybrid-pv.ts).
  'title.hybrid': {
    fr: 'Procès-verbal du dépouillement des votes hybrides (bulletins papier envoyés par la poste)',
    nl: 'Proces-verbaal van de telling van de hybride stemmen (papieren stembiljetten per post)',
    de: 'Protokoll der Auszählung der hybriden Stimmen (Papierstimmzettel per Post)',
  },
  'mode.hybrid': {
    fr: 'vote hybride, bulletin papier envoyé par la poste (mode 6)',
    nl: 'hybride stemming, papieren stembiljet per post (modus 6)',
    de: 'hybride Stimmabgabe, Papierstimmzettel per Post (Modus 6)',
  },
  's.reception': {
    fr: 'Réception des enveloppes (équipe A)',
    nl: 'Ontvangst van de omslagen (team A)',
    de: 'Eingang der Umschläge (Team A)',
  },
  'received.hybrid': {
    fr: 'Enveloppes extérieures reçues au bureau principal',
    nl: 'Op het hoofdbureau ontvangen buitenomslagen',
    de: 'Im Hauptwahlvorstand eingegangene äußere Umschläge',
  },
  'accepted.hybrid': {
    fr: 'Enveloppes intérieures placées dans l’urne',
    nl: 'In de stembus gelegde binnenomslagen',
    de: 'In die Urne gelegte innere Umschläge',
  },
  'set-aside': {
    fr: 'Écartées à la réception',
    nl: 'Bij ontvangst terzijde gelegd',
    de: 'Beim Eingang beiseitegelegt',
  },
  'cancelled-after': {
    fr: 'Annulées ensuite (liste d’un bureau de vote), retirées de l’urne',
    nl: 'Nadien geannuleerd (lijst van een stembureau), uit de stembus genomen',
    de: 'Danach annulliert (Liste eines Wahlbüros), aus der Urne genommen',
  },
  'unknown-codes': {
    fr: 'Enveloppes du bureau dont le code K ne correspond à aucun kit (catégorie inconnue, sur chaque PV)',
    nl: 'Omslagen van het bureau waarvan de K-code bij geen kit hoort (categorie onbekend, op elk PV)',
    de: 'Umschläge des Vorstands, deren K-Code zu keinem Kit gehört (Kategorie unbekannt, auf jedem Protokoll)',
  },
  expected: {
    fr: 'Bulletins attendus dans l’urne (placées − annulées ensuite)',
    nl: 'In de stembus verwachte stembiljetten (gelegd − nadien geannuleerd)',
    de: 'In der Urne erwartete Stimmzettel (gelegt − danach annulliert)',
  },
  encoded: {
    fr: 'Bulletins encodés (double encodage, différences tranchées par le président)',
    nl: 'Ingevoerde stembiljetten (dubbele invoer, verschillen beslecht door de voorzitter)',
    de: 'Erfasste Stimmzettel (doppelte Erfassung, Abweichungen vom Vorsitzenden entschieden)',
  },
  difference: { fr: 'Différence', nl: 'Verschil', de: 'Differenz' },
  'difference.explained': {
    fr: 'différence expliquée aux observations (section 5)',
    nl: 'verschil verklaard in de opmerkingen (punt 5)',
    de: 'Differenz in den Bemerkungen erklärt (Abschnitt 5)',
  },
  'difference.unexplained': {
    fr: 'différence NON EXPLIQUÉE : ce procès-verbal ne peut être approuvé',
    nl: 'verschil NIET VERKLAARD: dit proces-verbaal kan niet worden goedgekeurd',
    de: 'Differenz NICHT ERKLÄRT: dieses Protokoll kann nicht genehmigt werden',
  },
  'reason.kcode-unknown': { fr: 'code K inconnu', nl: 'onbekende K-code', de: 'unbekannter K-Code' },
  'reason.kcode-voided': {
    fr: 'code K annulé (kit réimprimé ; l’enveloppe du dernier kit compte)',
    nl: 'K-code vervallen (kit opnieuw afgedrukt; de omslag van de laatste kit telt)',
    de: 'K-Code ungültig (Kit neu gedruckt; der Umschlag des letzten Kits zählt)',
  },
  'reason.wrong-main-office': {
    fr: 'autre bureau principal (transmise)',
    nl: 'ander hoofdbureau (doorgestuurd)',
    de: 'anderer Hauptwahlvorstand (weitergeleitet)',
  },
  'reason.second-envelope': {
    fr: 'seconde enveloppe du même électeur (la première compte)',
    nl: 'tweede omslag van dezelfde kiezer (de eerste telt)',
    de: 'zweiter Umschlag desselben Wählers (der erste zählt)',
  },
  'reason.arrived-late': {
    fr: 'arrivée après le délai',
    nl: 'na de termijn aangekomen',
    de: 'nach der Frist eingegangen',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type PvTextKey = keyof typeof T;

export function pvLanguages(languages: readonly string[]): Lang[] {
  const langs = languages.filter((l): l is Lang => l === 'fr' || l === 'nl' || l === 'de');
  return langs.length === 0 ? ['fr'] : langs;
}

/** The text in each of the constituency's languages, joined with " / " (Brussels: FR / NL). */
export function pvText(
  languages: readonly string[],
  key: PvTextKey,
  vars: Readonly<Record<string, string>> = {},
): string {
  return pvLanguages(languages)
    .map((l) => T[key][l].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? ''))
    .join(' / ');
}

/** A key when it exists (a reason or rule code from the data), else undefined. */
export function pvTextKey(key: string): PvTextKey | undefined {
  return Object.hasOwn(T, key) ? (key as PvTextKey) : undefined;
}

export function isPvTextKey(key: string): key is PvTextKey {
  return Object.hasOwn(T, key);
}
