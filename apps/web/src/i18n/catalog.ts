// Every message of the app in FR, NL, DE and EN. Each feature keeps its own catalog folder
// (fr.ts defines the keys, the other three must translate every one: a missing key is a type
// error) and adds one line per language below and one type to MessageKey.
import type { Language } from './languages.ts';
import { coreDe } from './core/de.ts';
import { coreEn } from './core/en.ts';
import { coreFr, type CoreKey } from './core/fr.ts';
import { coreNl } from './core/nl.ts';

export type MessageKey = CoreKey;

export const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  fr: { ...coreFr },
  nl: { ...coreNl },
  de: { ...coreDe },
  en: { ...coreEn },
};
