import type { NavKey } from './fr.ts';

export const navNl: Readonly<Record<NavKey, string>> = {
  'nav.main': 'Hoofdnavigatie',
  'nav.vote': 'Stemmen',
  'nav.board': 'Prikbord',
  'home.start': 'Waar begint u',
  'home.start.vote': 'Stemmen',
  'home.start.vote.text':
    'Meld u aan met itsme of uw identiteitskaart: u ziet uw verkiezingen en het stemhokje, of uw kit voor hybride stemmen.',
  'home.start.hybrid': 'Mijn envelop volgen (hybride stemmen)',
  'home.start.hybrid.text': 'Typ de K-code op uw etiket, zonder aan te melden.',
  'home.start.board': 'Het prikbord',
  'home.start.board.text': 'Vind uw volgcode tussen alle ontvangen stembiljetten.',
  'home.start.official': 'Werkruimten van ambtenaren',
  'home.start.official.text':
    'Inrichtende overheid, gemeente, consulaire post, hoofdbureau, sleutelbewaarders, bedieners van stemzuilen.',
  'me.next': 'En nu?',
  'me.vote': 'Stemmen',
  'me.vote.online': 'U stemt online: de knop opent uw verkiezingen en daarna het stemhokje.',
  'me.vote.hybrid': 'U stemt hybride: druk uw kit af, vul het stembiljet met de hand in en stuur het per post terug.',
  'me.vote.kiosk':
    'U stemt op een stemzuil, in het stemhokje van uw consulaire post. Hier volgt u de stand van uw stem.',
  'me.vote.kiosk.link': 'Mijn verkiezingen en de stand van mijn stem',
  'me.vote.none': 'U bent voor deze dag voor geen enkele manier van stemmen op afstand ingeschreven.',
  'ws.screens': 'Uw schermen',
  'ws.cli': 'Op de opdrachtregel, op uw eigen computer',
  'ws.link.board': 'Het openbare prikbord',
  'ws.link.api': 'De API-documentatie (elke bewerking)',
  'ws.po-admin.text':
    'U bereidt de verkiezingsdag voor (consolidatie van de kiezersbestanden, conflicten, bevriezing, brieven), opent en sluit de stemperiodes, leidt de sleutelceremonie en mag voor elk hoofdbureau optreden.',
  'ws.link.preparation-authority': 'Voorbereiding: geconsolideerd bestand, conflicten, bevriezing, brieven',
  'ws.link.ceremony': 'Sleutelceremonie',
  'ws.commune-official.text':
    'U laadt het kiezersbestand van uw gemeente (CSV) en verbetert de geweigerde regels; een nieuwe versie vervangt de vorige tot de bevriezing.',
  'ws.link.preparation-commune': 'Het kiezersbestand van de gemeente laden',
  'ws.consular-official.text':
    'U schrijft de Belgen in het buitenland van uw post in, elk met precies één manier van stemmen (hybride, online of stemzuil).',
  'ws.link.preparation-consular': 'Een Belg in het buitenland inschrijven',
  'ws.team-a.text':
    'Team A, alleen identiteiten: de lijsten van de stembureaus, de dubbele stemmen om te bevestigen, wie op afstand stemde.',
  'ws.link.team-a': 'Dubbele stemmen van de kieskring (team A)',
  'ws.team-b.text':
    'Team B, alleen inhoud, nooit een identiteit: de annuleringen om te bevestigen, de cijfers van de processen-verbaal, hun goedkeuring door twee leden.',
  'ws.link.team-b': 'Annuleringen en processen-verbaal (team B)',
  'ws.president.text':
    'U zit het hoofdbureau van de kieskring voor: u registreert de stembureaus, stelt er een vrij waarvan de lijst niet zal komen (met een reden), en start dan de scheiding van de identiteiten en de telling.',
  'ws.trustee.text':
    'U bewaart een deel van de verkiezingssleutel. U werkt op uw eigen computer met het isoloir-opdrachtregelprogramma: uw deel verlaat die machine nooit en de server ziet het nooit.',
  'ws.trustee.keygen':
    'Vóór de opening van de stemming, de sleutelceremonie (uw vingerafdruk verschijnt; wissel hem met de andere sleutelbewaarders uit per telefoon of op papier):',
  'ws.trustee.count':
    'Bij de telling, na de scheiding van de identiteiten: mengen, controleren, dan uw deel ontcijferen:',
  'ws.link.ceremony-public': 'Openbaar verslag van de sleutelceremonie (JSON)',
  'ws.kiosk-operator.text':
    'In uw consulaire post ontvangt u de kiezers die voor de stemzuil zijn ingeschreven, controleert u hun identiteit en laat u hen alleen in het stemhokje: zij melden zich aan met hun identiteitskaart en stemmen in het online stemhokje, op de stemzuil.',
  'ws.kiosk-operator.steps':
    'Open op de stemzuil vóór elke kiezer de aanmelding hieronder: de kiezer meldt zich aan met zijn identiteitskaart, komt op zijn pagina en stemt in het stemhokje; daarna meldt hij zich af (of doet u het voor hem) vóór de volgende.',
  'ws.link.booth': 'De aanmelding van de kiezer, te openen op de stemzuil',
  'ws.observer.text':
    'U observeert: het prikbord, het verslag van de sleutelceremonies en, na de telling, het openbare register van de verkiezing en de processen-verbaal.',
  'next.title': 'Volgende stap',
  'next.commune-imported':
    'Het bestand is opgeslagen. De inrichtende overheid consolideert het met de andere gemeenten en de consulaire inschrijvingen; u kunt tot de bevriezing altijd een verbeterde versie laden.',
  'next.registered': 'Schrijf de volgende persoon in, of ga terug naar uw werkruimte.',
  'next.consolidate':
    'Begin met het consolideren van het kiezersbestand: de bestanden van de gemeenten en de consulaire inschrijvingen worden één bestand, en de conflicten verschijnen.',
  'next.resolve': 'Los elk conflict hieronder op met een reden; pas dan kan er bevroren worden.',
  'next.freeze':
    'Controleer de bestanden per manier van stemmen en de brieven, en bevries dan de bestanden: de stemming gaat open en niets kan nog veranderen.',
  'next.frozen': 'De bestanden zijn bevroren. Daarna: de sleutelceremonie, dan de opening van de stemperiodes.',
  'next.workspace': 'Terug naar mijn werkruimte',
  'confirm.cancel': 'Annuleren',
  'confirm.irreversible': 'Deze handeling is definitief en wordt in het auditlogboek opgenomen.',
  'confirm.freeze.title': 'De kiezersbestanden bevriezen en de stemming openen?',
  'confirm.freeze.text':
    'Worden bevroren: het geconsolideerde bestand van {day} ({voters} kiezers), dat de bestanden van de modi 6 (hybride), 7 (online) en 8 (stemzuil) wordt, en de kandidatenlijsten van {elections}. De SHA-256-vingerafdruk van elk bestand wordt gepubliceerd. Niets van de voorbereiding kan nog veranderen.',
  'confirm.freeze.yes': 'Ja, bevriezen en de stemming openen',
  'confirm.approve.title': 'Dit proces-verbaal goedkeuren?',
  'confirm.approve.text':
    'Proces-verbaal {pv}, kieskring {constituency}, {election}. Uw naam en het uur worden opgenomen. Met de goedkeuring van een tweede lid wordt het definitief en gepubliceerd (PDF, JSON, CSV); het kan niet meer veranderen.',
  'confirm.approve.yes': 'Ja, goedkeuren',
  'periods.title': 'Stemperiodes',
  'periods.intro':
    'Elke periode is die van de configuratie van de dag (de data op de brieven). Openen laat de stembus stembiljetten aanvaarden binnen dat venster; afsluiten is definitief. De telling begint wanneer alle elektronische periodes van een verkiezing afgesloten of verstreken zijn.',
  'periods.window': 'Venster (tijd van uw toestel)',
  'periods.ballots': 'Ontvangen stembiljetten',
  'periods.act': 'Handeling',
  'periods.open': 'De periode openen',
  'periods.close': 'Definitief afsluiten',
  'confirm.close.title': 'Deze stemperiode definitief afsluiten?',
  'confirm.close.text':
    'Wordt afgesloten: de periode {period}. De stembus weigert elk stembiljet, zelfs vóór het geplande einde ({closes}), en open stemhokjes sluiten. Ontvangen stembiljetten: {ballots}.',
  'confirm.close.yes': 'Ja, de periode afsluiten',
  'office.title': 'Hoofdbureau van de kieskring: de telling',
  'office.intro':
    'Vóór de scheiding van de identiteiten heeft elk stembureau van de kieskring zijn lijst ingediend of is het vrijgesteld (met een reden), en is elke dubbele stem geregeld. Daarna mengen en ontcijferen de sleutelbewaarders; u telt, en team B keurt de processen-verbaal goed.',
  'office.stations': 'Stembureaus',
  'office.stations.none': 'Er is nog geen stembureau geregistreerd.',
  'office.station.voters': 'Kiezers op zijn lijsten',
  'office.station.reported': 'lijst ontvangen',
  'office.station.waived': 'vrijgesteld: {reason}',
  'office.station.waiting': 'lijst verwacht',
  'office.register': 'Te registreren stembureaus',
  'office.register.help': 'Eén naam per regel, zoals team A hem voor de lijsten gebruikt.',
  'office.register.run': 'Registreren',
  'office.waive': 'Stembureau waarvan de lijst niet zal komen',
  'office.waive.reason': 'Reden (minstens 3 tekens)',
  'office.waive.run': 'Dit stembureau vrijstellen',
  'office.pending': 'Nog te regelen dubbele stemmen',
  'office.groups': 'Groepen stembiljetten',
  'office.groups.none': 'De groepen verschijnen bij de scheiding van de identiteiten.',
  'office.group': 'Groep',
  'office.trustees': 'Sleutelbewaarders',
  'office.trustees.work': 'mengingen {shuffles} / {threshold}, ontcijferingen {decryptions} / {threshold}',
  'office.split': 'De identiteiten van de inhoud scheiden',
  'office.count': 'Tellen',
  'office.count.result':
    'Getelde groepen: {counted}; wachtend op de sleutelbewaarders: {waiting}; opgemaakte processen-verbaal: {pvs}.',
  'confirm.split.title': 'De identiteiten van {constituency} scheiden?',
  'confirm.split.text':
    '{election}: de elektronische stembiljetten verlaten hun identiteiten, in willekeurige volgorde, om gemengd en dan ontcijferd te worden. Geregistreerde stembureaus: {stations}; lijst ontvangen: {reported}; vrijgesteld: {waived}. Na de scheiding kan geen enkele lijst van een stembureau nog een stembiljet annuleren.',
  'confirm.split.yes': 'Ja, scheiden',
  'confirm.count.title': '{constituency} tellen?',
  'confirm.count.text':
    '{election}: de ontcijferingen van de sleutelbewaarders worden samengevoegd, elk stembiljet (in totaal: {ballots}) wordt ingedeeld (Kieswetboek, art. 156) en geteld; wanneer alle groepen geteld zijn, worden de processen-verbaal opgemaakt voor team B. De stemmen worden pas na hun goedkeuring gepubliceerd.',
  'confirm.count.yes': 'Ja, tellen',
  'next.periods.open':
    'Sluit de periodes af wanneer ze verstreken zijn: daarna begint de telling van elke kieskring op het hoofdbureau.',
  'next.periods.closed': 'Alle periodes zijn afgesloten: elk hoofdbureau kan de identiteiten scheiden en tellen.',
  'next.office.stations':
    'Wacht op de lijsten van de stembureaus (team A importeert ze) of stel de stembureaus vrij die niet zullen komen; team A bevestigt de dubbele stemmen en team B annuleert ze.',
  'next.office.split': 'Alles is klaar: scheid de identiteiten van de inhoud.',
  'next.office.trustees':
    'De sleutelbewaarders mengen en ontcijferen elke groep op hun eigen computers; wanneer elke groep zijn ontcijferingen heeft, telt u.',
  'next.office.team-b': 'De telling is gedaan: team B controleert en keurt de processen-verbaal goed (twee leden).',
  'ws.link.periods': 'Stemperiodes: openen, afsluiten',
  'ws.link.office': 'De telling van een hoofdbureau',
  'confirm.answers.title': 'De antwoordtijd afsluiten?',
  'confirm.answers.text':
    'Elke klacht zonder antwoord wordt aanvaard: de betrokken sleutelbewaarder wordt uitgesloten en mengt noch ontcijfert. Sleutelbewaarders die nog moeten antwoorden: {trustees}.',
  'confirm.answers.yes': 'Ja, de antwoorden afsluiten',
  'office.session': 'Zitting van het bureau en proces-verbaal',
  'office.session.opened': 'Opening van de zitting',
  'office.session.closed': 'Sluiting van de zitting',
  'office.session.open': 'De zitting openen',
  'office.session.close': 'De zitting sluiten',
  'office.observations': 'Opmerkingen, bezwaren en betwiste stembiljetten',
  'office.observations.none': 'Er is nog niets opgenomen.',
  'office.observation.kind': 'Aard',
  'office.observation.author': 'Auteur (naam, hoedanigheid)',
  'office.observation.text': 'Tekst, zoals hij in het proces-verbaal komt',
  'office.observation.add': 'In het proces-verbaal opnemen',
  'office.kind.observation': 'Opmerking',
  'office.kind.claim': 'Bezwaar',
  'office.kind.contested': 'Betwist stembiljet',
  'office.members': 'Leden en getuigen van het bureau',
  'office.place': 'Plaats van de zitting',
  'office.member.role': 'Hoedanigheid',
  'office.member.name': 'Naam',
  'office.member.list': 'Lijst die de getuige aanwijst',
  'office.member.president': 'Voorzitter',
  'office.member.secretary': 'Secretaris',
  'office.member.assessor': 'Bijzitter',
  'office.member.substitute': 'Plaatsvervangend bijzitter',
  'office.member.witness': 'Getuige',
  'office.member.add': 'Een persoon toevoegen',
  'office.members.save': 'Plaats en leden opslaan',
  'auth.refused.fresh': 'U kunt een andere aanmeldmethode kiezen: itsme of uw identiteitskaart (eID).',
};
