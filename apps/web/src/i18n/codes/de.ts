import type { CodesKey } from './fr.ts';

export const codesDe: Readonly<Record<CodesKey, string>> = {
  'error.request.invalid': 'Die Anfrage ist nicht gültig.',
  'error.route.not-found': 'Unter dieser Adresse gibt es nichts.',
  'error.election.not-found': 'Diese Wahl gibt es nicht.',
  'error.request.text': 'Der Text enthält ein unzulässiges Zeichen (ein NUL oder ein ungültiges Zeichen).',
  'error.request.too-large': 'Die Anfrage ist zu groß.',
  'error.rate.limited': 'Zu viele Anfragen; versuchen Sie es gleich noch einmal.',
  'error.server.unavailable': 'Der Dienst ist noch nicht bereit; versuchen Sie es gleich noch einmal.',
  'error.internal': 'Bei uns ist ein Fehler aufgetreten. Er wurde protokolliert.',
  'error.network': 'Der Server antwortet nicht. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.auth.required': 'Sie müssen sich zuerst anmelden.',
  'error.auth.forbidden': 'Ihre Rolle gibt keinen Zugang hierzu.',
  'error.auth.csrf':
    'Der Anfrage fehlt ein gültiges Fälschungsschutz-Token; laden Sie die Seite neu und versuchen Sie es erneut.',
  'error.auth.level-too-low':
    'Diese Anmeldemethode ist nicht sicher genug: Verwenden Sie Ihren Personalausweis (eID) oder itsme.',
  'error.auth.unknown-voter': 'Sie stehen nicht auf der Wählerliste dieser Wahl.',
  'error.auth.not-official': 'Sie haben keine Rolle als Bediensteter.',
  'error.auth.nrn-missing': 'Der Identifizierungsdienst hat keine Nationalregisternummer übermittelt.',
  'error.auth.nrn-invalid': 'Der Identifizierungsdienst hat eine ungültige Nationalregisternummer übermittelt.',
  'error.auth.callback-invalid':
    'Diese Anmeldeantwort ist ungültig oder wurde schon verwendet; beginnen Sie die Anmeldung neu.',
  'error.auth.token-invalid':
    'Die Antwort des Identifizierungsdienstes konnte nicht geprüft werden; beginnen Sie die Anmeldung neu.',
  'error.auth.provider-error': 'Der Identifizierungsdienst hat die Anmeldung abgelehnt oder nicht abschließen können.',
  'error.auth.unavailable': 'Die Anmeldung ist derzeit nicht verfügbar.',
  'error.passkey.code-invalid':
    'Dieser Aktivierungscode ist nicht gültig: Prüfen Sie Ihre Eingabe oder bitten Sie Ihre konsularische Vertretung um einen neuen Code.',
  'error.passkey.code-expired':
    'Dieser Aktivierungscode ist abgelaufen: Bitten Sie Ihre konsularische Vertretung um einen neuen.',
  'error.passkey.code-used':
    'Dieser Aktivierungscode wurde schon benutzt (ein Code gilt nur einmal): Bitten Sie Ihre konsularische Vertretung um einen neuen.',
  'error.passkey.csam-only':
    'Für Ihre Wahlweise lässt die Wahl nur CSAM zu (eID-Karte oder itsme): Ein Passkey kann nicht verwendet werden.',
  'error.passkey.not-registered':
    'Bei Ihrer konsularischen Vertretung ist niemand mit dieser Nationalregisternummer eingetragen.',
  'error.passkey.ceremony-invalid':
    'Dieser Schritt mit dem Passkey ist abgelaufen oder wurde schon benutzt; beginnen Sie von vorn.',
  'error.passkey.verification-failed':
    'Die Antwort Ihres Geräts konnte nicht geprüft werden; entsperren Sie den Passkey mit Fingerabdruck, Gesicht oder PIN.',
  'error.passkey.unknown':
    'Dieser Passkey ist hier nicht bekannt: Aktivieren Sie einen mit dem Code Ihrer konsularischen Vertretung.',
  'error.passkey.revoked':
    'Ihre konsularische Vertretung hat diesen Passkey widerrufen: Bitten Sie sie um einen neuen Aktivierungscode.',
  'error.passkey.not-found': 'Diesen Passkey gibt es bei Ihrer Vertretung nicht, oder er ist schon widerrufen.',
  'error.kiosk.code-invalid':
    'Dieser Registrierungscode ist ungültig, abgelaufen oder schon verwendet: Fragen Sie die Vertretung nach einem neuen.',
  'error.kiosk.key-invalid': 'Der öffentliche Schlüssel des Wahlterminals ist kein ECDSA-P-256-Schlüssel.',
  'error.kiosk.unknown':
    'Dieses Wahlterminal ist nicht registriert: Der Bediener der Vertretung muss es neu registrieren.',
  'error.kiosk.revoked': 'Die Vertretung hat dieses Wahlterminal widerrufen: Es kann keine Stimmzettel mehr senden.',
  'error.kiosk.unsigned': 'Das Wahlterminal hat diese Anfrage nicht signiert.',
  'error.kiosk.signature-invalid': 'Die Signatur des Wahlterminals für diese Anfrage ist ungültig.',
  'error.kiosk.not-registered': 'Sie sind nicht für die Stimmabgabe am Wahlterminal (Modus 8) eingetragen.',
  'error.kiosk.foreign-post':
    'Sie sind für das Wahlterminal einer anderen konsularischen Vertretung eingetragen, nicht für dieses.',
  'error.kiosk.already-voted':
    'Sie haben bereits an einem Wahlterminal gewählt: Eine zweite Stimmabgabe am Terminal ist nicht möglich.',
  'error.kiosk.visit-invalid': 'Diese Sitzung am Wahlterminal ist ungültig oder abgelaufen: Melden Sie sich erneut an.',
  'error.kiosk.not-found': 'Dieses Wahlterminal gibt es bei Ihrer Vertretung nicht, oder es ist schon widerrufen.',
  'error.official.not-found': 'Dieser Bedienstete existiert nicht.',
  'error.official.exists': 'Ein Bediensteter mit dieser Nationalregisternummer existiert bereits.',
  'error.official.nrn-invalid': 'Diese Nationalregisternummer ist ungültig.',
  'error.role.not-found': 'Diese Rollenzuweisung existiert nicht.',
  'error.role.exists': 'Der Bedienstete hat diese Rolle bereits.',
  'error.role.conflict':
    'Dieselbe Person kann am selben Wahltag nicht in Team A und Team B desselben Wahlkreises sein, auch nicht nachdem eine der Rollen entzogen wurde.',
  'error.role.scope-missing': 'Diese Rolle braucht einen Bereich (Gemeinde, Vertretung oder Wahlkreis).',
  'error.role.scope-unexpected': 'Diese Rolle hat keinen Bereich.',
  'error.role.scope-invalid': 'Dieser Bereich passt nicht zu dieser Rolle.',
  'conflict.two-communes': 'In zwei Gemeinden eingetragen',
  'conflict.commune-and-abroad': 'In einer Gemeinde und im Ausland eingetragen',
  'conflict.twice-abroad': 'Zweimal im Ausland eingetragen',
  'conflict.deceased': 'Verstorben',
  'conflict.deprived': 'Vom Wahlrecht ausgeschlossen',
  'error.file.encoding': 'Die Datei ist nicht in UTF-8 (Latin-1?). Speichern Sie sie in UTF-8.',
  'error.file.malformed': 'Die Datei ist fehlerhaft aufgebaut.',
  'error.file.columns': 'Die Datei hat nicht die beschriebenen Spalten.',
  'error.file.empty': 'Die Datei ist leer.',
  'error.file.too-large': 'Die Datei ist zu groß.',
  'error.file.invalid': 'Die Datei folgt nicht dem beschriebenen Format.',
  'error.registration.invalid': 'Die Einschreibung ist nicht gültig.',
  'error.preparation.not-found': 'Nicht gefunden.',
  'error.preparation.frozen': 'Die Wahl ist eröffnet: Die Vorbereitung ist eingefroren.',
  'error.preparation.scope': 'Außerhalb Ihrer Gemeinde oder Ihres Postens.',
  'error.preparation.exists': 'Existiert bereits.',
  'error.preparation.deadline': 'Die Einschreibungsfrist ist abgelaufen.',
  'error.preparation.mode': 'Diese Art der Stimmabgabe ist nicht geöffnet.',
  'error.preparation.unresolved': 'Es sind noch Konflikte zu lösen.',
  'error.preparation.resolution': 'Diese Entscheidung passt nicht zu diesem Konflikt.',
  'error.lists.invalid': 'Die Listen verstoßen gegen das Wahlgesetz.',
  'error.voting.no-key': 'Der Schlüssel der Wahl ist noch nicht veröffentlicht: die Wahl kann nicht beginnen.',
  'error.voting.not-eligible': 'Sie sind für diese Wahl nicht zur Online-Stimmabgabe eingetragen.',
  'error.voting.not-open': 'Der Online-Wahlzeitraum ist noch nicht geöffnet.',
  'error.voting.closed': 'Der Online-Wahlzeitraum ist vorbei.',
  'error.ballot.same-election': 'Zwei Stimmzettel dieser Sendung sind für dieselbe Wahl.',
  'error.ballot.linked-choice':
    'Dieser Stimmzettel kann nur zusammen mit einem Stimmzettel für die niederländische Sprachgruppe des Brüsseler Parlaments abgegeben werden.',
  'error.voting.limit-reached': 'Sie haben alle für diese Wahl erlaubten Stimmen genutzt.',
  'error.voting.period-invalid': 'Dieser Wahlzeitraum ist nicht gültig.',
  'error.ballot.malformed': 'Der Stimmzettel ist fehlerhaft.',
  'error.ballot.width': 'Der Stimmzettel hat nicht die Größe der Stimmzettel dieser Wahl.',
  'error.ballot.wrong-constituency': 'Dieser Stimmzettel gehört zu einem anderen Wahlkreis als Ihrem.',
  'error.ballot.proof-invalid': 'Der Beweis des Stimmzettels ist nicht gültig.',
  'error.ballot.duplicate':
    'Dieser Stimmzettel wurde bereits empfangen: ein Stimmzettel kann nur einmal gesendet werden.',
  'error.ballot.id-reused': 'Diese Kennung wurde bereits für einen anderen Stimmzettel verwendet.',
  'error.audit.handover-not-found':
    'Dieser geprüfte Stimmzettel ist nicht hier: Der Link ist falsch oder abgelaufen (24 Stunden).',
  'error.audit.handover-limit':
    'Sie haben in den letzten 24 Stunden 10 geprüfte Stimmzettel weitergegeben: Prüfen Sie sie mit denen, die Sie haben.',
  'error.ballot.not-found': 'Kein Stimmzettel hat diesen Verfolgungscode.',
  'error.counting.not-found': 'Dies gibt es in der Zählung (noch) nicht.',
  'error.counting.period-open': 'Die Zählung beginnt erst, wenn alle elektronischen Wahlzeiträume geschlossen sind.',
  'error.counting.already-split': 'Die Identitäten sind bereits von den Inhalten getrennt.',
  'error.counting.not-split': 'Die Identitäten sind noch nicht von den Inhalten getrennt.',
  'error.counting.small-group': 'Eine zu kleine Gruppe muss zuerst zusammengelegt werden.',
  'error.counting.merge': 'Diese Gruppen können nicht zusammengelegt werden.',
  'error.counting.four-eyes': 'Eine andere Person muss diesen Schritt tun (Vier-Augen-Prinzip).',
  'error.counting.state': 'Die Zählung ist nicht bei diesem Schritt.',
  'error.results.not-final':
    'Die Ergebnisse dieses Wahlkreises werden veröffentlicht, sobald alle seine Protokolle endgültig sind.',
  'error.counting.file': 'Die Liste des Wahlbüros ist nicht gültig.',
  'error.counting.wrong-election': 'Dies gehört nicht zu dieser Wahl.',
  'error.counting.shuffle-proof': 'Der Beweis der Mischung stimmt nicht: Die Mischung wird abgelehnt.',
  'error.counting.decryption-proof': 'Der Beweis der Entschlüsselung stimmt nicht: Sie wird abgelehnt.',
  'error.counting.out-of-turn': 'Dieser Schritt ist jetzt nicht Ihrer.',
  'error.counting.scope': 'Dies liegt außerhalb Ihres Wahlkreises.',
  'error.counting.unavailable': 'Die Beweisprüfungen der Zählung sind auf diesem Server nicht eingerichtet.',
  'error.counting.stations-incomplete':
    'Einige Wahlbüros des Wahlkreises haben ihre Liste nicht übermittelt und sind nicht befreit.',
  'error.counting.list-after-split':
    'Die Identitäten sind bereits getrennt: Diese Wahlbüroliste kommt zu spät und wurde nicht eingelesen.',
  'error.counting.list-after-hybrid-pv':
    'Eine hybride Urne, die diese Liste ändern würde, hat ihr endgültiges Protokoll: Diese Liste des Wahlbüros kommt zu spät und wurde nicht eingelesen.',
  'error.counting.anonymity-set':
    'Zu wenige elektronische Stimmzettel, um sie auszuzählen, ohne Stimmen offenzulegen (Mindestanonymitätsmenge).',
  'error.counting.reason': 'Geben Sie einen Grund an.',
  'error.ceremony.state': 'Die Schlüsselzeremonie ist nicht bei diesem Schritt.',
  'error.ceremony.identity':
    'Sie sind nicht der unter dieser Nummer angemeldete Schlüsselverwahrer, oder die Nummer ist vergeben.',
  'error.ceremony.signature': 'Die Veröffentlichung ist nicht mit dem angemeldeten Schlüssel signiert: abgelehnt.',
  'error.ceremony.invalid': 'Die Veröffentlichung hält nicht (Beweis oder Inhalt): abgelehnt.',
  'error.counting.signature': 'Die Übermittlung ist nicht mit dem angemeldeten Schlüssel signiert: abgelehnt.',
  'error.counting.trustee-identity':
    'Sie sind nicht der unter dieser Nummer für diese Wahl angemeldete Schlüsselverwahrer.',
  'error.hybrid.not-registered': 'Sie sind nicht für die hybride Stimmabgabe (Modus 6) eingetragen.',
  'error.hybrid.not-open': 'Der Zeitraum der hybriden Stimmabgabe hat noch nicht begonnen.',
  'error.hybrid.closed': 'Der Zeitraum der hybriden Stimmabgabe ist vorbei.',
  'error.hybrid.no-main-office':
    'Die Adresse des Hauptwahlvorstands Ihres Wahlkreises steht noch nicht fest: Das Kit kann nicht gedruckt werden.',
  'error.hybrid.already-received':
    'Der Hauptwahlvorstand hat Ihren Umschlag bereits empfangen: Ein neues Kit kann nicht mehr gedruckt werden.',
  'error.hybrid.kcode-invalid': 'Das ist kein K-Code: Prüfen Sie, was Sie eingegeben haben.',
  'reason.nrn.format': 'die Nationalregisternummer hat keine 11 Ziffern',
  'reason.nrn.checksum': 'die Nationalregisternummer hat eine falsche Prüfziffer (Tippfehler?)',
  'reason.nrn.month': 'der Geburtsmonat in der Nationalregisternummer existiert nicht',
  'reason.nrn.day': 'der Geburtstag in der Nationalregisternummer existiert nicht',
  'reason.nrn.sequence': 'die laufende Nummer in der Nationalregisternummer ist ungültig',
  'reason.row.required': 'ein Pflichtfeld ist leer',
  'reason.row.formula': 'das Feld enthält eine Tabellenformel (=, +, -, @), aus Sicherheitsgründen abgelehnt',
  'reason.row.control-character': 'das Feld enthält ein unsichtbares Steuerzeichen',
  'reason.row.too-long': 'das Feld ist zu lang',
  'reason.row.birth-date': 'das Geburtsdatum ist kein Datum (JJJJ-MM-TT)',
  'reason.row.birth-date-mismatch': 'das Geburtsdatum stimmt nicht mit der Nationalregisternummer überein',
  'reason.row.sex': 'das Geschlecht muss F oder M sein',
  'reason.row.sex-mismatch': 'das Geschlecht stimmt nicht mit der Nationalregisternummer überein',
  'reason.row.too-young': 'die Person hat am Wahltag nicht das Wahlalter',
  'reason.row.language': 'die Sprache muss fr, nl oder de sein',
  'reason.row.flag': 'das Feld muss 0 oder 1 sein oder leer bleiben',
  'reason.row.commune-unknown': 'diese Gemeinde (NIS-Code) steht nicht in der Gemeindetabelle',
  'reason.row.commune-scope': 'diese Zeile gehört zu einer anderen Gemeinde als Ihrer',
  'reason.row.duplicate-nrn': 'diese Nationalregisternummer steht zweimal in der Datei',
  'reason.row.country': 'das Land muss ein Code aus zwei Buchstaben sein (ISO), nicht BE',
  'reason.row.email': 'die E-Mail-Adresse ist ungültig',
  'reason.row.mode': 'diese Art der Stimmabgabe steht Belgiern im Ausland an diesem Tag nicht offen',
  'reason.row.kiosk-post':
    'die Stimmabgabe am Wahlterminal (Modus 8) verlangt eine bekannte konsularische Vertretung; die anderen Arten nehmen keine',
  'cancel.voted-at-polling-station': 'Sie haben in einem Wahlbüro gewählt: diese Stimme zählt',
  'cancel.french-language-group':
    'Sie haben danach für die französische Sprachgruppe des Brüsseler Parlaments gestimmt',
  'cancel.voted-twice': 'Sie haben zweimal gewählt, auf zwei verschiedene Arten',
  'cancel.ineligible': 'Sie waren für diese Art der Stimmabgabe in dieser Wahl nicht eingetragen',
  'cancel.arrived-late': 'der Umschlag ist nach der Frist eingegangen',
  'cancel.voted-online': 'Sie haben auch online gewählt',
  'cancel.envelope-open': 'der innere Umschlag war offen oder trug ein Zeichen',
  'cancel.identity-missing': 'die Identität des Wählers fehlte auf dem äußeren Umschlag',
  'cancel.other': 'ein anderer Grund, im Protokoll vermerkt',
  'set-aside.kcode-unknown': 'unbekannter K-Code: kein Kit dieses Tages trägt diesen Code',
  'set-aside.kcode-voided': 'ungültig gewordener K-Code: der Wähler hat ein neues Kit gedruckt, dessen Umschlag zählt',
  'set-aside.wrong-main-office': 'der Wähler gehört zu einem anderen Hauptwahlbüro: den Umschlag dorthin weiterleiten',
  'set-aside.second-envelope': 'zweiter Umschlag mit diesem Code: der zuerst empfangene wird behalten',
  'set-aside.arrived-late': 'Umschlag nach der Frist eingegangen',
  'set-aside.voted-at-polling-station': 'der Wähler hat in einem Wahlbüro gewählt: diese Stimme wird behalten',
  'group-state.waiting': 'wartet auf die Trennung der Identitäten',
  'group-state.split': 'Identitäten getrennt; Mischen und Entschlüsseln laufen',
  'group-state.counted': 'entschlüsselt und ausgezählt',
  'group-state.withheld': 'nicht ausgezählt: zu wenige Stimmzettel, um das Wahlgeheimnis zu wahren',
  'merge.abroad-with-belgium': 'mit den Wählern in Belgien derselben Art zusammengelegt (allein zu wenige Stimmzettel)',
  'merge.across-modes':
    'mit einer anderen elektronischen Art des Wahlkreises zusammengelegt (allein zu wenige Stimmzettel)',
  'source.commune': 'Gemeinde',
  'source.post': 'konsularische Vertretung',
  'choice.keep': 'Behalten',
  'choice.exclude': 'Wähler ausschließen',
  'choice.include': 'Trotzdem aufnehmen',
  'invalid.ballot.unofficial-paper': 'ein anderer als der zugelassene Stimmzettel (Wahlgesetzbuch, Art. 156 § 2 Nr. 1)',
  'invalid.ballot.several-head-boxes': 'mehr als eine Stimme am Listenkopf (Art. 156 § 2 Nr. 2)',
  'invalid.ballot.head-box-and-other-list':
    'eine Stimme am Listenkopf mit Vorzugsstimmen für eine andere Liste (Art. 156 § 2 Nr. 3)',
  'invalid.ballot.several-lists': 'Vorzugsstimmen für Kandidaten verschiedener Listen (Art. 156 § 2 Nr. 4)',
  'invalid.ballot.altered-or-identifiable':
    'Form verändert, Gegenstand beigefügt oder durch ein Zeichen erkennbar gemacht (Art. 156 § 2 Nr. 5)',
  'invalid.ballot.unknown-list':
    'eine Markierung für eine Liste, die nicht auf diesem Stimmzettel steht (Art. 156 § 2 Nr. 1)',
  'invalid.ballot.unknown-candidate':
    'eine Markierung für einen Kandidaten, der nicht auf der Liste steht (Art. 156 § 2 Nr. 1)',
  'invalid.ballot.malformed': 'ein Stimmzettel ohne die zugelassene Struktur (Art. 156 § 2 Nr. 1)',
  'error.hybrid.entry-same-member':
    'Die zweite Erfassung einer Urne muss ein anderes Mitglied von Team B vornehmen als die erste.',
  'error.hybrid.entry-not-yours': 'Ein anderes Mitglied von Team B nimmt diese Erfassung der Urne vor.',
  'error.hybrid.entry-finished': 'Beide Erfassungen dieser Urne sind abgeschlossen.',
  'error.hybrid.entry-count-mismatch':
    'Die Zahl der Stimmzettel in der Urne ist nicht die erfasste Zahl: Prüfen Sie die Urne.',
  'error.hybrid.entry-no-difference':
    'Beide Erfassungen stimmen für diesen Stimmzettel überein: Es gibt nichts zu entscheiden.',
  'error.hybrid.entry-wrong-state': 'Diese Urne ist nicht bei diesem Schritt der doppelten Erfassung.',
  'error.hybrid.box-not-done':
    'Die doppelte Erfassung dieser Urne ist noch nicht abgeschlossen: beide Erfassungen beendet und jede Abweichung entschieden.',
  'error.hybrid.no-difference':
    'Die erfassten Stimmzettel entsprechen den angenommenen inneren Umschlägen: Es gibt keine Differenz zu erklären.',
  'error.hybrid.difference-unexplained':
    'Die erfassten Stimmzettel weichen von den angenommenen inneren Umschlägen ab und die Differenz ist nicht erklärt: Schreiben Sie die Erklärung, erstellen Sie das Protokoll neu und genehmigen Sie es dann.',
  'error.hybrid.office-closed':
    'Die hybride Zählung dieses Hauptbüros ist endgültig: Legen Sie diesen Umschlag ungeöffnet beiseite; er wird nicht erfasst.',
  'error.hybrid.pv-stale':
    'Die Zahlen haben sich seit der Erstellung dieses Protokolls geändert (Liste eines Wahlbüros, Erklärung): Erstellen Sie es neu.',
  'error.role.self-grant': 'Niemand kann sich selbst eine Rolle zuweisen oder eine ihm zugewiesene Rolle bestätigen.',
  'error.role.second-admin':
    'Eine Rolle wird erst wirksam, wenn ein zweiter Verwalter sie bestätigt: Ein anderer Verwalter muss bestätigen.',
  'error.role.request-pending': 'Dieselbe Rolle wartet bereits auf Bestätigung.',
  'error.role.request-not-found': 'Diese Rollenanfrage existiert nicht.',
  'error.role.request-decided': 'Diese Rollenanfrage wurde bereits bestätigt oder abgelehnt.',
  'error.role.bootstrap-closed':
    'Die ersten zwei Verwalter sind bereits eingesetzt; Rollen werden von zwei Verwaltern zugewiesen.',
};
