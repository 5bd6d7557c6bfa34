// DEMO-ONLY: which Belgians abroad of the demo registered at their post for kiosk voting (mode 8, at
// the Paris post's kiosk) rather than online voting (mode 7): at the Paris post, by national
// register number, the last two, when the post has at least six voters (the first ones stay online:
// the passkey tests and tours use them). Pure: the demo's pipeline and the development identity
// provider's personas read the same answer.
export interface DemoAbroad {
  readonly nrn: string;
  readonly category: 'belgium' | 'abroad';
  readonly country: string;
}

export const DEMO_KIOSK_POST = 'paris';

/** DEMO-ONLY: which consular post registers a Belgian living in each of the demo's countries. */
const POST_OF_COUNTRY: Readonly<Record<string, string>> = {
  CD: 'kinshasa',
  US: 'new-york',
  CA: 'new-york',
  TH: 'new-york',
};

export function demoPostOf(country: string): string {
  return POST_OF_COUNTRY[country] ?? 'paris';
}

export function demoKioskNrns(voters: readonly DemoAbroad[]): Set<string> {
  const atPost = voters
    .filter((v) => v.category === 'abroad' && demoPostOf(v.country) === DEMO_KIOSK_POST)
    .map((v) => v.nrn)
    .sort();
  return new Set(atPost.length >= 6 ? atPost.slice(-2) : []);
}
