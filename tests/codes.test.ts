// Every code the server can show a user (USER_VISIBLE_CODES: error codes, refusal reasons of a voter
// file's rows, conflict kinds, cancellation reasons, counting states and merges) has a message in
// the web app's one catalog of codes, in French, Dutch, German and English; a code left untranslated
// fails here. A message that is still the code itself, or English in another language, fails too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { USER_VISIBLE_CODES, userVisibleMessageKeys } from '@isoloir/server';
import { CATALOGS } from '@isoloir/web/i18n';
import { formatNumber } from '@isoloir/web/i18n/languages';

const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;

test('the server lists its user-visible codes by kind, each once', () => {
  for (const [kind, codes] of Object.entries(USER_VISIBLE_CODES)) {
    assert.ok(codes.length > 0, kind);
    assert.equal(new Set(codes).size, codes.length, `${kind}: a code twice`);
  }
  assert.ok(USER_VISIBLE_CODES.reason.includes('row.sex-mismatch'));
  assert.ok(USER_VISIBLE_CODES.error.includes('registration.invalid'));
});

test('every user-visible code has a message in each of the four languages', () => {
  const missing: string[] = [];
  for (const key of userVisibleMessageKeys()) {
    for (const language of LANGUAGES) {
      const catalog: Readonly<Record<string, string>> = CATALOGS[language];
      const message = catalog[key];
      if (message === undefined || message.trim() === '') missing.push(`${language}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('no message is the bare code, and French, Dutch and German are not the English text', () => {
  const problems: string[] = [];
  for (const key of userVisibleMessageKeys()) {
    const code = key.slice(key.indexOf('.') + 1);
    const english = (CATALOGS.en as Readonly<Record<string, string>>)[key];
    for (const language of LANGUAGES) {
      const message = (CATALOGS[language] as Readonly<Record<string, string>>)[key] ?? '';
      if (message === code || ((code.includes('.') || code.includes('-')) && message.includes(code)))
        problems.push(`${language}: ${key} shows its code`);
      if (language !== 'en' && message === english) problems.push(`${language}: ${key} is the English text`);
    }
  }
  assert.deepEqual(problems, []);
});

test('figures and words the issue found wrong: English 5,000, German voting mode in words', () => {
  assert.equal(formatNumber(5000, 'en'), '5,000');
  assert.equal(formatNumber(5000, 'nl'), '5.000');
  assert.equal(formatNumber(5000, 'de'), '5.000');
  assert.equal(formatNumber(5000, 'fr').replace(/\s/gu, ' '), '5 000');
  assert.doesNotMatch(CATALOGS.de['vote.mode.online'], /Weise/);
  assert.doesNotMatch(CATALOGS.de['vote.mode'], /Wahlweise/);
});
