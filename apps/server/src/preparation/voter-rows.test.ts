import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNrn } from '@isoloir/electoral';
import { ageOn, checkCommuneRow, columnIndex, COMMUNE_COLUMNS, type RowContext } from './voter-rows.ts';
import { PreparationError } from './errors.ts';

const ctx: RowContext = { communes: new Set(['53053']), votingDate: '2029-06-10', minimumAge: 18, currentYear: 2029 };
const index = columnIndex({ line: 1, cells: [...COMMUNE_COLUMNS] }, COMMUNE_COLUMNS);

function nrn(year: number, month: number, day: number, sequence: number): string {
  const made = makeNrn({ year, month, day, sequence });
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

function row(overrides: Partial<Record<(typeof COMMUNE_COLUMNS)[number], string>>) {
  const base = {
    nrn: nrn(1985, 7, 30, 33),
    surname: 'Noël',
    given_names: 'Zoë',
    birth_date: '1985-07-30',
    sex: 'M',
    street: 'Rue 1',
    postcode: '7000',
    locality: 'Mons',
    commune_nis: '53053',
    language: 'fr',
    deprived: '0',
    deceased: '',
    ...overrides,
  };
  return { line: 7, cells: COMMUNE_COLUMNS.map((c) => base[c]) };
}

describe('voter file rows', () => {
  it('accepts a good row and names the column and reason of each bad one', () => {
    assert.equal(checkCommuneRow(row({}), index, ctx), null);
    const reason = (o: Parameters<typeof row>[0]): string | undefined => {
      const r = checkCommuneRow(row(o), index, ctx);
      return r === null ? undefined : `${r.column}:${r.code}`;
    };
    assert.equal(reason({ surname: 'No\u0000l' }), 'surname:row.control-character');
    assert.equal(reason({ locality: '+32 cmd' }), 'locality:row.formula');
    assert.equal(reason({ birth_date: '1985-07-31' }), 'birth_date:row.birth-date-mismatch');
    assert.equal(reason({ birth_date: '1985-02-30' }), 'birth_date:row.birth-date');
    assert.equal(reason({ sex: 'F' }), 'sex:row.sex-mismatch');
    assert.equal(reason({ nrn: nrn(2012, 1, 1, 1), birth_date: '2012-01-01' }), 'birth_date:row.too-young');
    assert.equal(reason({ language: 'en' }), 'language:row.language');
    assert.equal(reason({ deceased: 'yes' }), 'deceased:row.flag');
    assert.equal(reason({ nrn: '85.07.30-033.29' }), 'nrn:nrn.checksum');
    assert.equal(reason({ given_names: '' }), 'given_names:row.required');
  });

  it('counts age in whole years on election day, 16 for the European Parliament', () => {
    assert.equal(ageOn('2011-06-10', '2029-06-10'), 18);
    assert.equal(ageOn('2011-06-11', '2029-06-10'), 17);
    const young = row({ nrn: nrn(2013, 1, 1, 1), birth_date: '2013-01-01' });
    assert.equal(checkCommuneRow(young, index, { ...ctx, minimumAge: 16 }), null);
  });

  it('refuses a header with an unknown, repeated or missing column', () => {
    assert.throws(
      () => columnIndex({ line: 1, cells: [...COMMUNE_COLUMNS, 'extra'] }, COMMUNE_COLUMNS),
      (e: unknown) => e instanceof PreparationError && e.code === 'file.columns' && e.where === 'line 1, column 13',
    );
    assert.throws(
      () => columnIndex({ line: 1, cells: COMMUNE_COLUMNS.slice(1) }, COMMUNE_COLUMNS),
      (e: unknown) => e instanceof PreparationError && e.where === 'line 1, column nrn',
    );
  });
});
