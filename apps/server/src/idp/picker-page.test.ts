// The persona picker names each person and shows the persona id the README and the tests use,
// escaped, in its group.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pickerPage } from './picker-page.ts';
import { officialPersonas, type Persona } from './personas.ts';

test('each button shows the name and the persona id; text is escaped', () => {
  const odd: Persona = {
    id: 'voter-<x>',
    group: 'voter-belgium',
    description: 'a "test" voter',
    level: 500,
    claims: { givenName: 'Zoë', surname: "O'Brien <b>", prefLanguage: 'fr' },
  };
  const html = pickerPage('uid-1', [...officialPersonas(), odd], 'isoloir', 'urn:be:fedict:iam:fas:Level450');
  for (const p of officialPersonas()) {
    assert.ok(html.includes(`<code class="id">${p.id}</code>`), p.id);
    assert.ok(html.includes(`${p.claims.givenName} ${p.claims.surname}`), p.id);
  }
  assert.ok(html.includes('<code class="id">voter-&#60;x&#62;</code>'));
  assert.ok(html.includes('Zoë O&#39;Brien &#60;b&#62;'));
  assert.ok(!html.includes('<b>'));
  assert.ok(html.indexOf('Voters in Belgium') < html.indexOf('Officials'));
  assert.ok(html.includes('official-po-admin'));
});
