import type { NavKey } from './fr.ts';

export const navEn: Readonly<Record<NavKey, string>> = {
  'nav.main': 'Main navigation',
  'nav.vote': 'Vote',
  'nav.board': 'Bulletin board',
  'home.start': 'Where to start',
  'home.start.vote': 'Vote',
  'home.start.vote.text':
    'Log in with itsme or your identity card: you will see your elections and the voting booth, or your hybrid voting kit.',
  'home.start.hybrid': 'Follow my envelope (hybrid voting)',
  'home.start.hybrid.text': 'Type the K-code printed on your label, without logging in.',
  'home.start.board': 'The bulletin board',
  'home.start.board.text': 'Find your tracking code among all the ballots received.',
  'home.start.official': 'Officials’ workspaces',
  'home.start.official.text':
    'Organising authority, commune, consular post, main office, key trustees, kiosk operators.',
  'me.next': 'What next?',
  'me.vote': 'Vote',
  'me.vote.online': 'You vote online: the button opens your elections, then the voting booth.',
  'me.vote.hybrid': 'You vote hybrid: print your kit, fill in the ballot by hand and post it back.',
  'me.vote.kiosk':
    'You vote on a kiosk, in the booth of your consular post. Here you can follow the status of your vote.',
  'me.vote.kiosk.link': 'My elections and the status of my vote',
  'me.vote.none': 'You are not registered for any remote voting mode on this day.',
  'ws.screens': 'Your screens',
  'ws.cli': 'On the command line, on your own computer',
  'ws.link.board': 'The public bulletin board',
  'ws.link.api': 'The API documentation (every operation)',
  'ws.po-admin.text':
    'You prepare the election day (consolidation of the voter files, conflicts, freeze, letters), open and close the voting periods, run the key ceremony, and may act for any main office.',
  'ws.link.preparation-authority': 'Preparation: consolidated file, conflicts, freeze, letters',
  'ws.link.ceremony': 'Key ceremony',
  'ws.commune-official.text':
    'You load your commune’s voter file (CSV) and correct the rows it refused; a new version replaces the previous one until the freeze.',
  'ws.link.preparation-commune': 'Load the commune’s voter file',
  'ws.consular-official.text':
    'You register the Belgians abroad of your post, each with exactly one voting mode (hybrid, online or kiosk).',
  'ws.link.preparation-consular': 'Register a Belgian abroad',
  'ws.team-a.text':
    'Team A, identities only: the polling-station lists, the double votes to confirm, who voted remotely.',
  'ws.link.team-a': 'Double votes of the constituency (Team A)',
  'ws.team-b.text':
    'Team B, contents only, never an identity: the cancellations to confirm, the figures of the official reports (PVs), their approval by two members.',
  'ws.link.team-b': 'Cancellations and official reports (Team B)',
  'ws.president.text':
    'You preside over the constituency’s main office: you register its polling stations, waive one whose list will not come (with a reason), then run the identity split and the count.',
  'ws.trustee.text':
    'You hold a share of the election key. You work on your own computer with the isoloir command-line tool: your share never leaves that machine and the server never sees it.',
  'ws.trustee.keygen':
    'Before voting opens, the key ceremony (your fingerprint is shown; exchange it with the other trustees by phone or on paper):',
  'ws.trustee.count': 'At the count, after the identity split: mix, check, then decrypt your part:',
  'ws.link.ceremony-public': 'Public transcript of the key ceremony (JSON)',
  'ws.kiosk-operator.text':
    'In your consular post you welcome the voters registered for kiosk voting, check their identity, then leave them alone in the booth: they log in with their identity card and vote in the online booth, on the kiosk.',
  'ws.kiosk-operator.steps':
    'On the kiosk, open the voter’s login below before each voter: they log in with their identity card, land on their page and vote in the booth; then they log out (or you do it for them) before the next one.',
  'ws.link.booth': 'The voter’s login, to open on the kiosk',
  'ws.observer.text':
    'You observe: the bulletin board, the transcript of the key ceremonies and, after the count, the public election record and the official reports.',
  'next.title': 'Next step',
  'next.commune-imported':
    'The file is saved. The organising authority will consolidate it with the other communes and the consular registrations; you may load a corrected version at any time before the freeze.',
  'next.registered': 'Register the next person, or go back to your workspace.',
  'next.consolidate':
    'Start by consolidating the voter file: the communes’ files and the consular registrations become one file, and the conflicts show.',
  'next.resolve': 'Resolve each conflict below with a reason; only then can the files be frozen.',
  'next.freeze':
    'Check the files per mode and the letters, then freeze the files: voting opens, and nothing can change any more.',
  'next.frozen': 'The files are frozen. Next: the key ceremony, then the opening of the voting periods.',
  'next.workspace': 'Back to my workspace',
  'confirm.cancel': 'Cancel',
  'confirm.irreversible': 'This act is final and recorded in the audit log.',
  'confirm.freeze.title': 'Freeze the voter files and open voting?',
  'confirm.freeze.text':
    'To be frozen: the consolidated file of {day} ({voters} voters), which becomes the files of modes 6 (hybrid), 7 (online) and 8 (kiosk), and the candidate lists of {elections}. The SHA-256 of each file is published. Nothing of the preparation can change any more.',
  'confirm.freeze.yes': 'Yes, freeze and open voting',
  'confirm.approve.title': 'Approve this official report?',
  'confirm.approve.text':
    'Official report {pv}, constituency {constituency}, {election}. Your name and the time are recorded. With a second member’s approval it becomes final and is published (PDF, JSON, CSV); it can no longer change.',
  'confirm.approve.yes': 'Yes, approve',
  'periods.title': 'Voting periods',
  'periods.intro':
    'Each period is the day’s setup’s (the dates printed on the letters). Opening it lets the ballot box accept ballots within that window; closing it is final. Counting starts once every electronic period of an election is closed or over.',
  'periods.window': 'Window (your device’s time)',
  'periods.ballots': 'Ballots received',
  'periods.act': 'Act',
  'periods.open': 'Open the period',
  'periods.close': 'Close for good',
  'confirm.close.title': 'Close this voting period for good?',
  'confirm.close.text':
    'To be closed: the period {period}. The ballot box refuses every ballot, even before the planned end ({closes}), and open booths close. Ballots received: {ballots}.',
  'confirm.close.yes': 'Yes, close the period',
  'office.title': 'Constituency main office: the count',
  'office.intro':
    'Before the identity split, every polling station of the constituency has handed in its list or is waived (with a reason), and every double vote is settled. Then the trustees mix and decrypt; you count, and Team B approves the official reports.',
  'office.stations': 'Polling stations',
  'office.stations.none': 'No polling station is registered yet.',
  'office.station.voters': 'Voters on its lists',
  'office.station.reported': 'list received',
  'office.station.waived': 'waived: {reason}',
  'office.station.waiting': 'list awaited',
  'office.register': 'Polling stations to register',
  'office.register.help': 'One name per line, as Team A uses it for the lists.',
  'office.register.run': 'Register',
  'office.waive': 'Polling station whose list will not come',
  'office.waive.reason': 'Reason (at least 3 characters)',
  'office.waive.run': 'Waive this station',
  'office.pending': 'Double votes still to settle',
  'office.groups': 'Groups of ballots',
  'office.groups.none': 'The groups show at the identity split.',
  'office.group': 'Group',
  'office.trustees': 'Key trustees',
  'office.trustees.work': 'shuffles {shuffles} / {threshold}, decryptions {decryptions} / {threshold}',
  'office.split': 'Split identities from contents',
  'office.count': 'Count',
  'office.count.result':
    'Groups counted: {counted}; waiting for the trustees: {waiting}; official reports made: {pvs}.',
  'confirm.split.title': 'Split the identities of {constituency}?',
  'confirm.split.text':
    '{election}: the electronic ballots leave their identities, in random order, to be mixed then decrypted. Polling stations registered: {stations}; list received: {reported}; waived: {waived}. After the split, no polling-station list can cancel a ballot any more.',
  'confirm.split.yes': 'Yes, split',
  'confirm.count.title': 'Count {constituency}?',
  'confirm.count.text':
    '{election}: the trustees’ decryptions are combined, each ballot (in all: {ballots}) is classified (Electoral Code, art. 156) and counted; once every group is counted, the official reports are made for Team B. The votes are published only after their approval.',
  'confirm.count.yes': 'Yes, count',
  'next.periods.open':
    'Once the periods are over, close them: each constituency’s count then starts at its main office.',
  'next.periods.closed': 'Every period is closed: each main office can split the identities and count.',
  'next.office.stations':
    'Wait for the polling stations’ lists (Team A imports them) or waive those that will not come; Team A confirms the double votes and Team B cancels them.',
  'next.office.split': 'All is ready: split the identities from the contents.',
  'next.office.trustees':
    'The key trustees mix then decrypt each group on their own computers; once each group has its decryptions, count.',
  'next.office.team-b': 'The count is done: Team B checks and approves the official reports (two members).',
  'ws.link.periods': 'Voting periods: open, close',
  'ws.link.office': 'A main office’s count',
  'confirm.answers.title': 'Close the answering time?',
  'confirm.answers.text':
    'Every complaint left unanswered is upheld: that trustee is disqualified, and neither mixes nor decrypts. Trustees who still have to answer: {trustees}.',
  'confirm.answers.yes': 'Yes, close the answers',
  'office.session': 'The office’s session and the report',
  'office.session.opened': 'Session opened',
  'office.session.closed': 'Session closed',
  'office.session.open': 'Open the session',
  'office.session.close': 'Close the session',
  'office.observations': 'Observations, claims and contested ballots',
  'office.observations.none': 'Nothing is recorded yet.',
  'office.observation.kind': 'Kind',
  'office.observation.author': 'Author (name, capacity)',
  'office.observation.text': 'Text, as it will stand in the report',
  'office.observation.add': 'Record in the report',
  'office.kind.observation': 'Observation',
  'office.kind.claim': 'Claim',
  'office.kind.contested': 'Contested ballot',
  'office.members': 'Members and witnesses of the office',
  'office.place': 'Place of the session',
  'office.member.role': 'Capacity',
  'office.member.name': 'Name',
  'office.member.list': 'List appointing the witness',
  'office.member.president': 'President',
  'office.member.secretary': 'Secretary',
  'office.member.assessor': 'Assessor',
  'office.member.substitute': 'Substitute assessor',
  'office.member.witness': 'Witness',
  'office.member.add': 'Add a person',
  'office.members.save': 'Save the place and the members',
  'auth.refused.fresh': 'You can choose another way to log in: itsme or your identity card (eID).',
};
