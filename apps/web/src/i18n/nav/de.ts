import type { NavKey } from './fr.ts';

export const navDe: Readonly<Record<NavKey, string>> = {
  'nav.main': 'Hauptnavigation',
  'nav.vote': 'Wählen',
  'nav.board': 'Anschlagtafel',
  'home.start': 'Wo Sie beginnen',
  'home.start.vote': 'Wählen',
  'home.start.vote.text':
    'Melden Sie sich mit itsme oder Ihrem Personalausweis an: Sie sehen Ihre Wahlen und die Wahlkabine oder Ihr Set für die hybride Stimmabgabe.',
  'home.start.hybrid': 'Meinen Umschlag verfolgen (hybride Stimmabgabe)',
  'home.start.hybrid.text': 'Geben Sie den K-Code von Ihrem Etikett ein, ohne sich anzumelden.',
  'home.start.board': 'Die Anschlagtafel',
  'home.start.board.text': 'Finden Sie Ihren Verfolgungscode unter allen eingegangenen Stimmzetteln.',
  'home.start.official': 'Arbeitsbereiche der Bediensteten',
  'home.start.official.text':
    'Organisierende Behörde, Gemeinde, konsularische Vertretung, Hauptwahlvorstand, Schlüsselverwahrer, Terminalbetreuer.',
  'me.next': 'Wie geht es weiter?',
  'me.vote': 'Wählen',
  'me.vote.online': 'Sie wählen online: Die Schaltfläche öffnet Ihre Wahlen, dann die Wahlkabine.',
  'me.vote.hybrid':
    'Sie wählen hybrid: Drucken Sie Ihr Set aus, füllen Sie den Stimmzettel von Hand aus und senden Sie ihn per Post zurück.',
  'me.vote.kiosk':
    'Sie wählen an einem Wahlterminal in der Wahlkabine Ihrer konsularischen Vertretung. Hier verfolgen Sie den Stand Ihrer Stimme.',
  'me.vote.kiosk.link': 'Meine Wahlen und der Stand meiner Stimme',
  'me.vote.none': 'Sie sind für diesen Tag für keine Art der Fernwahl eingetragen.',
  'ws.screens': 'Ihre Bildschirme',
  'ws.cli': 'In der Befehlszeile, auf Ihrem eigenen Rechner',
  'ws.link.board': 'Die öffentliche Anschlagtafel',
  'ws.link.api': 'Die API-Dokumentation (jeder Vorgang)',
  'ws.po-admin.text':
    'Sie bereiten den Wahltag vor (Konsolidierung der Wählerdateien, Konflikte, Einfrieren, Briefe), eröffnen und schließen die Wahlzeiträume, leiten die Schlüsselzeremonie und dürfen für jeden Hauptwahlvorstand handeln.',
  'ws.link.preparation-authority': 'Vorbereitung: konsolidierte Datei, Konflikte, Einfrieren, Briefe',
  'ws.link.ceremony': 'Schlüsselzeremonie',
  'ws.commune-official.text':
    'Sie laden die Wählerdatei Ihrer Gemeinde (CSV) und berichtigen die abgelehnten Zeilen; eine neue Fassung ersetzt die vorige bis zum Einfrieren.',
  'ws.link.preparation-commune': 'Die Wählerdatei der Gemeinde laden',
  'ws.consular-official.text':
    'Sie tragen die Belgier im Ausland Ihrer Vertretung ein, jeden mit genau einer Wahlart (hybrid, online oder Wahlterminal).',
  'ws.link.preparation-consular': 'Einen Belgier im Ausland eintragen',
  'ws.team-a.text':
    'Team A, nur Identitäten: die Listen der Wahlbüros, die zu bestätigenden doppelten Stimmabgaben, wer aus der Ferne gewählt hat.',
  'ws.link.team-a': 'Doppelte Stimmabgaben des Wahlkreises (Team A)',
  'ws.team-b.text':
    'Team B, nur Inhalte, nie eine Identität: die zu bestätigenden Annullierungen, die Zahlen der Protokolle, ihre Genehmigung durch zwei Mitglieder.',
  'ws.link.team-b': 'Annullierungen und Protokolle (Team B)',
  'ws.president.text':
    'Sie leiten den Hauptwahlvorstand des Wahlkreises: Sie erfassen seine Wahlbüros, entbinden eines, dessen Liste nicht kommen wird (mit Begründung), und starten dann die Trennung der Identitäten und die Auszählung.',
  'ws.trustee.text':
    'Sie verwahren einen Teil des Wahlschlüssels. Sie arbeiten auf Ihrem eigenen Rechner mit dem isoloir-Befehlszeilenprogramm: Ihr Teil verlässt diesen Rechner nie, und der Server sieht ihn nie.',
  'ws.trustee.keygen':
    'Vor der Eröffnung der Wahl die Schlüsselzeremonie (Ihr Fingerabdruck wird angezeigt; tauschen Sie ihn mit den anderen Schlüsselverwahrern per Telefon oder auf Papier aus):',
  'ws.trustee.count':
    'Bei der Auszählung, nach der Trennung der Identitäten: mischen, prüfen, dann Ihren Teil entschlüsseln:',
  'ws.link.ceremony-public': 'Öffentliches Protokoll der Schlüsselzeremonie (JSON)',
  'ws.kiosk-operator.text':
    'In Ihrer konsularischen Vertretung empfangen Sie die für das Wahlterminal eingetragenen Wähler, prüfen ihre Identität und lassen sie allein in der Wahlkabine: Sie melden sich mit ihrem Personalausweis an und wählen in der Online-Wahlkabine, am Terminal.',
  'ws.kiosk-operator.steps':
    'Öffnen Sie auf dem Terminal vor jedem Wähler die Anmeldung unten: Er meldet sich mit seinem Personalausweis an, kommt auf seine Seite und wählt in der Wahlkabine; danach meldet er sich ab (oder Sie tun es für ihn), bevor der nächste kommt.',
  'ws.link.booth': 'Die Anmeldung des Wählers, auf dem Terminal zu öffnen',
  'ws.observer.text':
    'Sie beobachten: die Anschlagtafel, das Protokoll der Schlüsselzeremonien und nach der Auszählung das öffentliche Wahlregister und die Protokolle.',
  'next.title': 'Nächster Schritt',
  'next.commune-imported':
    'Die Datei ist gespeichert. Die organisierende Behörde konsolidiert sie mit den anderen Gemeinden und den konsularischen Eintragungen; bis zum Einfrieren können Sie jederzeit eine berichtigte Fassung laden.',
  'next.registered': 'Tragen Sie die nächste Person ein oder kehren Sie zu Ihrem Arbeitsbereich zurück.',
  'next.consolidate':
    'Konsolidieren Sie zuerst die Wählerdatei: Die Dateien der Gemeinden und die konsularischen Eintragungen werden eine Datei, und die Konflikte erscheinen.',
  'next.resolve': 'Lösen Sie jeden Konflikt unten mit einer Begründung; erst dann kann eingefroren werden.',
  'next.freeze':
    'Prüfen Sie die Dateien je Wahlart und die Briefe, dann frieren Sie die Dateien ein: Die Wahl wird eröffnet, und nichts kann sich mehr ändern.',
  'next.frozen': 'Die Dateien sind eingefroren. Danach: die Schlüsselzeremonie, dann die Eröffnung der Wahlzeiträume.',
  'next.workspace': 'Zurück zu meinem Arbeitsbereich',
  'confirm.cancel': 'Abbrechen',
  'confirm.irreversible': 'Dieser Schritt ist endgültig und wird im Prüfprotokoll festgehalten.',
  'confirm.freeze.title': 'Die Wählerdateien einfrieren und die Wahl eröffnen?',
  'confirm.freeze.text':
    'Eingefroren werden: die konsolidierte Datei von {day} ({voters} Wähler), die zu den Dateien der Modi 6 (hybrid), 7 (online) und 8 (Wahlterminal) wird, und die Kandidatenlisten von {elections}. Der SHA-256-Fingerabdruck jeder Datei wird veröffentlicht. Nichts an der Vorbereitung kann sich mehr ändern.',
  'confirm.freeze.yes': 'Ja, einfrieren und die Wahl eröffnen',
  'confirm.approve.title': 'Dieses Protokoll genehmigen?',
  'confirm.approve.text':
    'Protokoll {pv}, Wahlkreis {constituency}, {election}. Ihr Name und die Uhrzeit werden festgehalten. Mit der Genehmigung eines zweiten Mitglieds wird es endgültig und veröffentlicht (PDF, JSON, CSV); es kann sich nicht mehr ändern.',
  'confirm.approve.yes': 'Ja, genehmigen',
  'periods.title': 'Wahlzeiträume',
  'periods.intro':
    'Jeder Zeitraum ist der aus der Einrichtung des Tages (die Daten auf den Briefen). Das Eröffnen lässt die Urne in diesem Fenster Stimmzettel annehmen; das Schließen ist endgültig. Die Auszählung beginnt, wenn alle elektronischen Zeiträume einer Wahl geschlossen oder abgelaufen sind.',
  'periods.window': 'Fenster (Zeit Ihres Geräts)',
  'periods.ballots': 'Eingegangene Stimmzettel',
  'periods.act': 'Schritt',
  'periods.open': 'Den Zeitraum eröffnen',
  'periods.close': 'Endgültig schließen',
  'confirm.close.title': 'Diesen Wahlzeitraum endgültig schließen?',
  'confirm.close.text':
    'Geschlossen wird: der Zeitraum {period}. Die Urne weist jeden Stimmzettel ab, auch vor dem vorgesehenen Ende ({closes}), und offene Wahlkabinen schließen sich. Eingegangene Stimmzettel: {ballots}.',
  'confirm.close.yes': 'Ja, den Zeitraum schließen',
  'office.title': 'Hauptwahlvorstand des Wahlkreises: die Auszählung',
  'office.intro':
    'Vor der Trennung der Identitäten hat jedes Wahlbüro des Wahlkreises seine Liste abgegeben oder ist davon entbunden (mit Begründung), und jede doppelte Stimmabgabe ist geregelt. Danach mischen und entschlüsseln die Schlüsselverwahrer; Sie zählen aus, und Team B genehmigt die Protokolle.',
  'office.stations': 'Wahlbüros',
  'office.stations.none': 'Es ist noch kein Wahlbüro erfasst.',
  'office.station.voters': 'Wähler auf seinen Listen',
  'office.station.reported': 'Liste eingegangen',
  'office.station.waived': 'entbunden: {reason}',
  'office.station.waiting': 'Liste erwartet',
  'office.register': 'Zu erfassende Wahlbüros',
  'office.register.help': 'Ein Name je Zeile, wie Team A ihn für die Listen verwendet.',
  'office.register.run': 'Erfassen',
  'office.waive': 'Wahlbüro, dessen Liste nicht kommen wird',
  'office.waive.reason': 'Begründung (mindestens 3 Zeichen)',
  'office.waive.run': 'Dieses Wahlbüro entbinden',
  'office.pending': 'Noch zu regelnde doppelte Stimmabgaben',
  'office.groups': 'Gruppen von Stimmzetteln',
  'office.groups.none': 'Die Gruppen erscheinen bei der Trennung der Identitäten.',
  'office.group': 'Gruppe',
  'office.trustees': 'Schlüsselverwahrer',
  'office.trustees.work': 'Mischungen {shuffles} / {threshold}, Entschlüsselungen {decryptions} / {threshold}',
  'office.split': 'Die Identitäten von den Inhalten trennen',
  'office.count': 'Auszählen',
  'office.count.result':
    'Ausgezählte Gruppen: {counted}; wartend auf die Schlüsselverwahrer: {waiting}; erstellte Protokolle: {pvs}.',
  'confirm.split.title': 'Die Identitäten von {constituency} trennen?',
  'confirm.split.text':
    '{election}: Die elektronischen Stimmzettel werden von ihren Identitäten getrennt, in zufälliger Reihenfolge, um gemischt und dann entschlüsselt zu werden. Erfasste Wahlbüros: {stations}; Liste eingegangen: {reported}; entbunden: {waived}. Nach der Trennung kann keine Liste eines Wahlbüros mehr einen Stimmzettel annullieren.',
  'confirm.split.yes': 'Ja, trennen',
  'confirm.count.title': '{constituency} auszählen?',
  'confirm.count.text':
    '{election}: Die Entschlüsselungen der Schlüsselverwahrer werden zusammengeführt, jeder Stimmzettel (insgesamt: {ballots}) wird eingeordnet (Wahlgesetzbuch, Art. 156) und gezählt; wenn alle Gruppen gezählt sind, werden die Protokolle für Team B erstellt. Die Stimmen werden erst nach deren Genehmigung veröffentlicht.',
  'confirm.count.yes': 'Ja, auszählen',
  'next.periods.open':
    'Schließen Sie die Zeiträume, wenn sie abgelaufen sind: danach beginnt die Auszählung jedes Wahlkreises im Hauptwahlvorstand.',
  'next.periods.closed':
    'Alle Zeiträume sind geschlossen: jeder Hauptwahlvorstand kann die Identitäten trennen und auszählen.',
  'next.office.stations':
    'Warten Sie auf die Listen der Wahlbüros (Team A importiert sie) oder entbinden Sie die, die nicht kommen werden; Team A bestätigt die doppelten Stimmabgaben, Team B annulliert sie.',
  'next.office.split': 'Alles ist bereit: Trennen Sie die Identitäten von den Inhalten.',
  'next.office.trustees':
    'Die Schlüsselverwahrer mischen und entschlüsseln jede Gruppe auf ihren eigenen Rechnern; wenn jede Gruppe ihre Entschlüsselungen hat, zählen Sie aus.',
  'next.office.team-b': 'Die Auszählung ist erfolgt: Team B prüft und genehmigt die Protokolle (zwei Mitglieder).',
  'ws.link.periods': 'Wahlzeiträume: eröffnen, schließen',
  'ws.link.office': 'Die Auszählung eines Hauptwahlvorstands',
  'confirm.answers.title': 'Die Antwortzeit schließen?',
  'confirm.answers.text':
    'Jede unbeantwortete Beschwerde wird angenommen: Der betroffene Schlüsselverwahrer wird ausgeschlossen und mischt und entschlüsselt nicht. Schlüsselverwahrer, die noch antworten müssen: {trustees}.',
  'confirm.answers.yes': 'Ja, die Antworten schließen',
  'office.session': 'Sitzung des Vorstands und Protokoll',
  'office.session.opened': 'Eröffnung der Sitzung',
  'office.session.closed': 'Schluss der Sitzung',
  'office.session.open': 'Die Sitzung eröffnen',
  'office.session.close': 'Die Sitzung schließen',
  'office.observations': 'Bemerkungen, Beschwerden und beanstandete Stimmzettel',
  'office.observations.none': 'Bisher ist nichts vermerkt.',
  'office.observation.kind': 'Art',
  'office.observation.author': 'Verfasser (Name, Eigenschaft)',
  'office.observation.text': 'Text, wie er im Protokoll stehen wird',
  'office.observation.add': 'Im Protokoll vermerken',
  'office.kind.observation': 'Bemerkung',
  'office.kind.claim': 'Beschwerde',
  'office.kind.contested': 'Beanstandeter Stimmzettel',
  'office.members': 'Mitglieder und Zeugen des Vorstands',
  'office.place': 'Ort der Sitzung',
  'office.member.role': 'Eigenschaft',
  'office.member.name': 'Name',
  'office.member.list': 'Liste, die den Zeugen bestimmt',
  'office.member.president': 'Vorsitzender',
  'office.member.secretary': 'Sekretär',
  'office.member.assessor': 'Beisitzer',
  'office.member.substitute': 'Ersatzbeisitzer',
  'office.member.witness': 'Zeuge',
  'office.member.add': 'Eine Person hinzufügen',
  'office.members.save': 'Ort und Mitglieder speichern',
  'auth.refused.fresh': 'Sie können eine andere Anmeldemethode wählen: itsme oder Ihren Personalausweis (eID).',
};
