// The PV's fixed texts in the constituency's languages (Brussels: FR and NL side by side).
type Lang = 'fr' | 'nl' | 'de';
type Key = 'title' | 'mode.online' | 'mode.kiosk' | 'cat.belgium' | 'cat.abroad' | 'registered' | 'received' | 'superseded' | 'cancelled' | 'counted' | 'valid' | 'blank' | 'invalid' | 'list' | 'total' | 'effectives' | 'substitutes' | 'generated' | 'hash' | 'merged-into' | 'merged-from' | 'signatures' | 'president' | 'secretary' | 'member';

export const PV_TEXTS: Readonly<Record<Lang, Readonly<Record<Key, string>>>> = {
  fr: {
    title: 'Procès-verbal du dépouillement des votes électroniques',
    'mode.online': 'Vote en ligne (mode 7)', 'mode.kiosk': 'Vote sur borne (mode 8)',
    'cat.belgium': 'Électeurs en Belgique', 'cat.abroad': 'Électeurs à l’étranger',
    registered: 'Électeurs inscrits pour ce mode', received: 'Bulletins reçus', superseded: 'Remplacés par un vote ultérieur',
    cancelled: 'Annulés', counted: 'Bulletins dépouillés', valid: 'Bulletins valables', blank: 'Bulletins blancs', invalid: 'Bulletins nuls',
    list: 'Liste', total: 'Total', effectives: 'Candidats effectifs', substitutes: 'Candidats suppléants',
    generated: 'Généré le', hash: 'Empreinte du registre électoral', 'merged-into': 'Groupe fusionné (décision du PO) avec', 'merged-from': 'Comprend, par décision du PO, le groupe',
    signatures: 'Signatures du bureau principal', president: 'Président', secretary: 'Secrétaire', member: 'Assesseur',
  },
  nl: {
    title: 'Proces-verbaal van de telling van de elektronische stemmen',
    'mode.online': 'Online stemmen (modus 7)', 'mode.kiosk': 'Stemmen op een zuil (modus 8)',
    'cat.belgium': 'Kiezers in België', 'cat.abroad': 'Kiezers in het buitenland',
    registered: 'Ingeschreven kiezers voor deze modus', received: 'Ontvangen stembiljetten', superseded: 'Vervangen door een latere stem',
    cancelled: 'Geannuleerd', counted: 'Getelde stembiljetten', valid: 'Geldige stembiljetten', blank: 'Blanco stembiljetten', invalid: 'Ongeldige stembiljetten',
    list: 'Lijst', total: 'Totaal', effectives: 'Effectieve kandidaten', substitutes: 'Opvolgers',
    generated: 'Aangemaakt op', hash: 'Vingerafdruk van het verkiezingsregister', 'merged-into': 'Groep samengevoegd (beslissing van de PO) met', 'merged-from': 'Bevat, bij beslissing van de PO, de groep',
    signatures: 'Handtekeningen van het hoofdbureau', president: 'Voorzitter', secretary: 'Secretaris', member: 'Bijzitter',
  },
  de: {
    title: 'Protokoll der Auszählung der elektronischen Stimmen',
    'mode.online': 'Online-Stimmabgabe (Modus 7)', 'mode.kiosk': 'Stimmabgabe am Terminal (Modus 8)',
    'cat.belgium': 'Wähler in Belgien', 'cat.abroad': 'Wähler im Ausland',
    registered: 'Für diesen Modus eingetragene Wähler', received: 'Eingegangene Stimmzettel', superseded: 'Durch eine spätere Stimme ersetzt',
    cancelled: 'Annulliert', counted: 'Ausgezählte Stimmzettel', valid: 'Gültige Stimmzettel', blank: 'Leere Stimmzettel', invalid: 'Ungültige Stimmzettel',
    list: 'Liste', total: 'Gesamt', effectives: 'Ordentliche Kandidaten', substitutes: 'Ersatzkandidaten',
    generated: 'Erstellt am', hash: 'Fingerabdruck des Wahlregisters', 'merged-into': 'Gruppe zusammengelegt (Entscheidung der PO) mit', 'merged-from': 'Enthält, durch Entscheidung der PO, die Gruppe',
    signatures: 'Unterschriften des Hauptbüros', president: 'Vorsitzender', secretary: 'Sekretär', member: 'Beisitzer',
  },
};

export function pvText(languages: readonly string[], key: Key): string {
  const langs = languages.filter((l): l is Lang => l === 'fr' || l === 'nl' || l === 'de');
  return (langs.length === 0 ? ['fr' as const] : langs).map((l) => PV_TEXTS[l][key]).join(' / ');
}
