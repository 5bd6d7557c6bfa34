// A record file read as a stream (record-file.ts) gives the verdict of the same record read whole,
// whatever its layout; a forger gains nothing from the streaming (top-level fields, chain, head).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineRunner, loadGroup, rechain, type RecordEntry } from '@isoloir/crypto';
import { election } from '../test-election.ts';
import { verifyRecord } from '../verify-record.ts';
import { recordFromFile, recordGroupName, RecordUnreadable } from './record-file.ts';

const group = await loadGroup('secp256k1');
const { record } = await election(group, inlineRunner(group), {
  groups: [
    {
      groupId: 'leuven/online/abroad',
      ballots: [{ kind: 'blank' }, { kind: 'list', list: 2, headBox: true, effectives: [], substitutes: [] }],
    },
  ],
});
const dir = mkdtempSync(join(tmpdir(), 'isoloir-record-file-'));
let n = 0;
function file(text: string): string {
  const path = join(dir, `r${String(n++)}.json`);
  writeFileSync(path, text);
  return path;
}
type Editable = { format: string; entries: RecordEntry[] } & Record<string, unknown>;
const copy = (): Editable => JSON.parse(JSON.stringify(record)) as Editable;
/** The server's layout: one entry a line (apps/server/src/counting/record.ts, writeRecord). */
const asWritten = (r: { format: string; entries: readonly unknown[] }): string =>
  `{"format":${JSON.stringify(r.format)},"entries":[\n${r.entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;

describe('a record file read as a stream', () => {
  test('the same verdict and summary as the record read whole, in the server layout, on one line or indented', async () => {
    const whole = await verifyRecord(record);
    assert.equal(whole.ok, true);
    for (const text of [asWritten(record), JSON.stringify(record), JSON.stringify(record, null, 2)]) {
      const path = file(text);
      assert.equal(await recordGroupName(recordFromFile(path)), 'secp256k1');
      assert.deepEqual(await verifyRecord(recordFromFile(path)), whole);
    }
  });

  test('a published head: the final head passes, an earlier entry’s hash is refused (head), as read whole', async () => {
    const path = file(asWritten(record));
    const last = record.entries.at(-1)?.hash ?? '';
    assert.equal((await verifyRecord(recordFromFile(path), { head: last })).ok, true);
    const earlier = record.entries[3]?.hash ?? '';
    const r = await verifyRecord(recordFromFile(path), { head: earlier });
    assert.deepEqual(r, await verifyRecord(record, { head: earlier }));
    assert.equal(r.ok ? '' : r.check, 'head');
  });

  test('attacker: an extra top-level field (schema), another format (format), entries not a list (format)', async () => {
    const extra = copy();
    extra['note'] = 'x';
    const other = copy();
    other.format = 'isoloir-record/1';
    const cases: [string, string][] = [
      [JSON.stringify(extra), 'schema'],
      [JSON.stringify(other), 'format'],
      [JSON.stringify({ format: record.format, entries: { 0: record.entries[0] } }), 'format'],
      [JSON.stringify({ format: record.format }), 'format'],
      [JSON.stringify([record]), 'format'],
      // A parser that set the prototype would hide the field from the schema check: this one keeps it own.
      [JSON.stringify(record).replace('{"seq":3,', '{"__proto__":{"seq":3},"seq":3,'), 'schema'],
    ];
    for (const [text, check] of cases) {
      const streamed = await verifyRecord(recordFromFile(file(text)));
      assert.deepEqual(streamed, await verifyRecord(JSON.parse(text)));
      assert.equal(streamed.ok ? '' : streamed.check, check, text.slice(0, 80));
    }
  });

  test('attacker: an entry changed without re-chaining fails chain; re-chained, the check named for the change', async () => {
    const c = copy();
    const counts = c.entries.find((e) => e.type === 'counts');
    assert.ok(counts !== undefined);
    (counts.payload as { counts: { blank: number } }).counts.blank += 1;
    const broken = await verifyRecord(recordFromFile(file(asWritten(c))));
    assert.equal(broken.ok ? '' : broken.check, 'chain');
    const forged = await verifyRecord(recordFromFile(file(asWritten(rechain(c)))));
    assert.equal(forged.ok ? '' : forged.check, 'counts');
  });

  test('a file cut short or not JSON cannot be read (no check named: isoloir verify exits 2)', async () => {
    const text = asWritten(record);
    for (const bad of [text.slice(0, Math.floor(text.length / 2)), text.replace('"entries"', 'entries'), '']) {
      await assert.rejects(verifyRecord(recordFromFile(file(bad))), RecordUnreadable);
    }
    await assert.rejects(verifyRecord(recordFromFile(join(dir, 'missing.json'))), RecordUnreadable);
  });

  test('attacker: entries twice (JSON.parse and Python keep the second, a stream would read both): not read', async () => {
    const forged = copy();
    const text = asWritten(record).replace(
      /\n\]\}\n$/,
      `\n],"entries":${JSON.stringify(forged.entries.slice(0, 3))}}\n`,
    );
    assert.equal((JSON.parse(text) as { entries: unknown[] }).entries.length, 3);
    await assert.rejects(verifyRecord(recordFromFile(file(text))), /appears twice/);
  });
});
