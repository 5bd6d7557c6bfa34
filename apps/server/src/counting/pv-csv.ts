// The PV as CSV: one line per figure, `section,key,value` (UTF-8, comma, RFC 4180 quoting).
import type { PvContent } from './pv.ts';

const q = (v: string | number): string =>
  typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

export function pvCsv(pv: PvContent): string {
  const rows: (string | number)[][] = [['section', 'key', 'value']];
  rows.push(
    ['pv', 'election', pv.electionId],
    ['pv', 'constituency', pv.constituency.code],
    ['pv', 'mode', pv.mode],
    ['pv', 'category', pv.category],
  );
  rows.push(
    ['pv', 'generated_at', pv.generatedAt],
    ['pv', 'record_hash', pv.recordHash ?? ''],
    ['pv', 'merged_into', pv.mergedInto ?? ''],
    ['pv', 'merged_from', pv.mergedFrom.join(' ')],
  );
  rows.push(
    ['totals', 'registered_voters', pv.registeredVoters],
    ['totals', 'received', pv.received],
    ['totals', 'superseded', pv.superseded],
  );
  for (const [reason, n] of Object.entries(pv.cancelled)) rows.push(['cancelled', reason, n]);
  rows.push(
    ['totals', 'withheld', pv.withheld],
    ['totals', 'counted', pv.counted],
    ['totals', 'valid', pv.valid],
    ['totals', 'blank', pv.blank],
    ['totals', 'invalid', pv.invalid],
  );
  for (const [rule, n] of Object.entries(pv.invalidByRule)) rows.push(['invalid', rule, n]);
  for (const l of pv.lists) {
    for (const c of ['B', 'C', 'D', 'E'] as const) rows.push([`list ${String(l.number)}`, c, l.categories[c]]);
    rows.push([`list ${String(l.number)}`, 'total', l.total]);
    for (const e of l.effectives) rows.push([`list ${String(l.number)}`, `effective ${String(e.position)}`, e.votes]);
    for (const s of l.substitutes) rows.push([`list ${String(l.number)}`, `substitute ${String(s.position)}`, s.votes]);
  }
  return `${rows.map((r) => r.map(q).join(',')).join('\n')}\n`;
}
