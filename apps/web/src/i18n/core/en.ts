import type { CoreKey } from './fr.ts';

export const coreEn: Readonly<Record<CoreKey, string>> = {
  'app.skip': 'Skip to content',
  'app.tagline': 'Remote voting for the Belgian elections',
  'app.language': 'Language',
  'nav.home': 'Home',
  'home.title': 'Vote from afar, with confidence',
  'home.intro':
    'isoloir runs the three new ways to vote remotely: hybrid by post, fully online, and at a voting kiosk in a consular post. Every electronic vote is encrypted on your device, and anyone can verify the count.',
  'home.modes': 'The three ways to vote',
  'mode.hybrid.title': 'Hybrid',
  'mode.hybrid.text': 'Print the ballot at home, fill it in by hand and post it back in a double envelope.',
  'mode.online.title': 'Online',
  'mode.online.text':
    'Log in with itsme or your identity card, vote, and vote again if you wish: only the last vote counts.',
  'mode.kiosk.title': 'Kiosk',
  'mode.kiosk.text': 'Vote on an online voting machine in the booth of a consular post.',
  'home.elections': 'Elections',
  'home.loading': 'Loading…',
  'home.none': 'No election has been set up yet.',
  'election.date': 'Polling day',
  'election.seats': 'Seats',
  'election.voters': 'Registered voters',
  'election.constituencies': 'Constituencies',
  'constituency.name': 'Constituency',
  'constituency.seats': 'Seats',
  'constituency.lists': 'Lists',
  'constituency.candidates': 'Candidates',
  'constituency.languages': 'Languages',
  'footer.api': 'API documentation',
  'footer.source': 'Free software',
};
