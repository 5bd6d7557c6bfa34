import type { BoardKey } from './fr.ts';

export const boardDe: Readonly<Record<BoardKey, string>> = {
  'board.key.title': 'Schlüssel der Wahl',
  'board.key.published': 'Vor der Öffnung der Wahl auf der Anschlagtafel veröffentlichter Fingerabdruck:',
  'board.key.compare': 'Vergleichen Sie ihn mit dem Fingerabdruck auf Ihrem Brief.',
  'board.key.match': 'Der Schlüssel dieses Geräts entspricht dem veröffentlichten Fingerabdruck.',
  'board.key.mismatch':
    'Achtung: Dieses Gerät hat einen Schlüssel erhalten, der NICHT der veröffentlichte Schlüssel der Wahl ist. Wählen Sie nicht und melden Sie es.',
  'board.key.unpublished': 'Der Schlüssel der Wahl ist noch nicht auf der Anschlagtafel veröffentlicht.',
  'board.receipt.checking': 'Die Signatur der Empfangsbestätigung wird geprüft…',
  'board.receipt.signed':
    'Signatur der Empfangsbestätigung auf diesem Gerät mit dem veröffentlichten Schlüssel geprüft',
  'board.receipt.bad':
    'Die Signatur der Empfangsbestätigung stimmt NICHT mit dem veröffentlichten Schlüssel überein: Bewahren Sie die Bestätigung auf und melden Sie es.',
  'board.receipt.head': 'Stand der Anschlagtafel bei der Abgabe',
  'board.receipt.no-head': 'noch kein Stand veröffentlicht',
  'board.verify.key-used': 'Geöffnet mit dem auf der Anschlagtafel veröffentlichten Schlüssel der Wahl, Fingerabdruck',
  'board.verify.key-differs':
    'Die Wahlkabine hat mit einem anderen Schlüssel (Fingerabdruck {fingerprint}) als dem veröffentlichten verschlüsselt: Wählen Sie nicht mit diesem Gerät und melden Sie es.',
  'board.verify.key-unavailable':
    'Der veröffentlichte Schlüssel konnte nicht von der Anschlagtafel gelesen werden: Der Stimmzettel wurde nicht geprüft.',
};
