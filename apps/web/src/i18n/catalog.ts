// Every message of the app in FR, NL, DE and EN. Each feature keeps its own catalog folder
// (fr.ts defines the keys, the other three must translate every one: a missing key is a type
// error) and adds one line per language below and one type to MessageKey. Every code a user can
// see (server errors, refusal reasons, cancellation reasons, states) is in one catalog: codes/.
import type { Language } from './languages.ts';
import { authDe } from './auth/de.ts';
import { authEn } from './auth/en.ts';
import { authFr, type AuthKey } from './auth/fr.ts';
import { authNl } from './auth/nl.ts';
import { coreDe } from './core/de.ts';
import { coreEn } from './core/en.ts';
import { coreFr, type CoreKey } from './core/fr.ts';
import { coreNl } from './core/nl.ts';
import { preparationDe } from './preparation/de.ts';
import { preparationEn } from './preparation/en.ts';
import { preparationFr, type PreparationKey } from './preparation/fr.ts';
import { preparationNl } from './preparation/nl.ts';
import { votingDe } from './voting/de.ts';
import { votingEn } from './voting/en.ts';
import { votingFr, type VotingKey } from './voting/fr.ts';
import { votingNl } from './voting/nl.ts';
import { countingDe } from './counting/de.ts';
import { countingEn } from './counting/en.ts';
import { countingFr, type CountingKey } from './counting/fr.ts';
import { countingNl } from './counting/nl.ts';
import { ceremonyDe } from './ceremony/de.ts';
import { ceremonyEn } from './ceremony/en.ts';
import { ceremonyFr, type CeremonyKey } from './ceremony/fr.ts';
import { ceremonyNl } from './ceremony/nl.ts';
import { boardDe } from './board/de.ts';
import { boardEn } from './board/en.ts';
import { boardFr, type BoardKey } from './board/fr.ts';
import { boardNl } from './board/nl.ts';
import { hybridDe } from './hybrid/de.ts';
import { hybridEn } from './hybrid/en.ts';
import { hybridFr, type HybridKey } from './hybrid/fr.ts';
import { hybridNl } from './hybrid/nl.ts';
import { hybridCountDe } from './hybrid-count/de.ts';
import { hybridCountEn } from './hybrid-count/en.ts';
import { hybridCountFr, type HybridCountKey } from './hybrid-count/fr.ts';
import { hybridCountNl } from './hybrid-count/nl.ts';
import { navDe } from './nav/de.ts';
import { navEn } from './nav/en.ts';
import { navFr, type NavKey } from './nav/fr.ts';
import { navNl } from './nav/nl.ts';
import { passkeyDe } from './passkey/de.ts';
import { passkeyEn } from './passkey/en.ts';
import { passkeyFr, type PasskeyKey } from './passkey/fr.ts';
import { passkeyNl } from './passkey/nl.ts';
import { kioskDe } from './kiosk/de.ts';
import { kioskEn } from './kiosk/en.ts';
import { kioskFr, type KioskKey } from './kiosk/fr.ts';
import { kioskNl } from './kiosk/nl.ts';
import { codesDe } from './codes/de.ts';
import { codesEn } from './codes/en.ts';
import { codesFr, type CodesKey } from './codes/fr.ts';
import { codesNl } from './codes/nl.ts';
import { resultsDe } from './results/de.ts';
import { resultsEn } from './results/en.ts';
import { resultsFr, type ResultsKey } from './results/fr.ts';
import { resultsNl } from './results/nl.ts';
import { watchDe } from './watch/de.ts';
import { watchEn } from './watch/en.ts';
import { watchFr, type WatchKey } from './watch/fr.ts';
import { watchNl } from './watch/nl.ts';

export type MessageKey =
  | CoreKey
  | AuthKey
  | PreparationKey
  | VotingKey
  | CountingKey
  | CeremonyKey
  | BoardKey
  | HybridKey
  | HybridCountKey
  | NavKey
  | CodesKey
  | PasskeyKey
  | KioskKey
  | ResultsKey
  | WatchKey;

export const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  fr: {
    ...coreFr,
    ...authFr,
    ...preparationFr,
    ...votingFr,
    ...countingFr,
    ...ceremonyFr,
    ...boardFr,
    ...hybridFr,
    ...hybridCountFr,
    ...navFr,
    ...passkeyFr,
    ...kioskFr,
    ...codesFr,
    ...resultsFr,
    ...watchFr,
  },
  nl: {
    ...coreNl,
    ...authNl,
    ...preparationNl,
    ...votingNl,
    ...countingNl,
    ...ceremonyNl,
    ...boardNl,
    ...hybridNl,
    ...hybridCountNl,
    ...navNl,
    ...passkeyNl,
    ...kioskNl,
    ...codesNl,
    ...resultsNl,
    ...watchNl,
  },
  de: {
    ...coreDe,
    ...authDe,
    ...preparationDe,
    ...votingDe,
    ...countingDe,
    ...ceremonyDe,
    ...boardDe,
    ...hybridDe,
    ...hybridCountDe,
    ...navDe,
    ...passkeyDe,
    ...kioskDe,
    ...codesDe,
    ...resultsDe,
    ...watchDe,
  },
  en: {
    ...coreEn,
    ...authEn,
    ...preparationEn,
    ...votingEn,
    ...countingEn,
    ...ceremonyEn,
    ...boardEn,
    ...hybridEn,
    ...hybridCountEn,
    ...navEn,
    ...passkeyEn,
    ...kioskEn,
    ...codesEn,
    ...resultsEn,
    ...watchEn,
  },
};
