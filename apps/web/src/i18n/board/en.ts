import type { BoardKey } from './fr.ts';

export const boardEn: Readonly<Record<BoardKey, string>> = {
  'board.key.title': 'Election key',
  'board.key.published': 'Fingerprint published on the bulletin board before voting opened:',
  'board.key.compare': 'Compare it with the fingerprint printed on your letter.',
  'board.key.match': 'The key this device uses matches the published fingerprint.',
  'board.key.mismatch':
    'Warning: this device was given a key that is NOT the published election key. Do not vote, and report it.',
  'board.key.unpublished': 'The election key is not published on the bulletin board yet.',
  'board.receipt.checking': 'Checking the receipt’s signature…',
  'board.receipt.signed': 'Receipt signature checked on this device with the published key',
  'board.receipt.bad':
    'The receipt’s signature does NOT verify with the published key: keep the receipt, and report it.',
  'board.receipt.head': 'Bulletin board state at casting',
  'board.receipt.no-head': 'no state published yet',
  'board.verify.key-used': 'Opened with the election key published on the bulletin board, fingerprint',
  'board.verify.key-differs':
    'The booth encrypted under another key (fingerprint {fingerprint}) than the published one: do not vote with this device, and report it.',
  'board.verify.key-unavailable':
    'The published key could not be read from the bulletin board: the ballot was not checked.',
};
