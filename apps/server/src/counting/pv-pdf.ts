// The PV as a real PDF (pdf-lib, DejaVu fonts for every Belgian accent), in the constituency's
// language(s): Brussels-Capital bilingual FR/NL. Signature lines for the main office.
// Renders each page: check it as PNG (`pdftoppm -png`) after any change of layout.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PvContent } from './pv.ts';
import type { PvApproval } from '@isoloir/store';
import { isPvTextKey, pvLanguages, pvText, type PvTextKey } from './pv-texts.ts';

const REGULAR =
  [process.env['ISOLOIR_FONT'], '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'].find(
    (p) => p !== undefined && p !== '',
  ) ?? '';
const BOLD =
  [process.env['ISOLOIR_FONT_BOLD'], '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'].find(
    (p) => p !== undefined && p !== '',
  ) ?? '';
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

class Writer {
  page: PDFPage;
  y = A4[1] - MARGIN;
  private readonly doc: PDFDocument;
  private readonly font: PDFFont;
  private readonly bold: PDFFont;
  constructor(doc: PDFDocument, font: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.font = font;
    this.bold = bold;
    this.page = doc.addPage(A4);
  }
  need(h: number): void {
    if (this.y - h < MARGIN) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }
  line(text: string, opts: { size?: number; bold?: boolean; x?: number; right?: string } = {}): void {
    const size = opts.size ?? 9;
    const font = opts.bold === true ? this.bold : this.font;
    const x = opts.x ?? MARGIN;
    const width = A4[0] - MARGIN - x - (opts.right === undefined ? 0 : font.widthOfTextAtSize(opts.right, size) + 14);
    const lines: string[] = [];
    let cur = '';
    for (const word of text.split(' ')) {
      const next = cur === '' ? word : `${cur} ${word}`;
      if (cur !== '' && font.widthOfTextAtSize(next, size) > width) {
        lines.push(cur);
        cur = word;
      } else cur = next;
    }
    lines.push(cur);
    for (const l of lines.slice(0, -1)) {
      this.need(size + 4);
      this.page.drawText(l, { x, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= size + 3;
    }
    this.need(size + 4);
    this.page.drawText(lines.at(-1) ?? '', { x, y: this.y - size, size, font, color: rgb(0, 0, 0) });
    if (opts.right !== undefined) {
      const w = font.widthOfTextAtSize(opts.right, size);
      this.page.drawText(opts.right, { x: A4[0] - MARGIN - w, y: this.y - size, size, font });
    }
    this.y -= size + 5;
  }
  gap(h = 6): void {
    this.y -= h;
  }
  rule(): void {
    this.need(4);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.5 });
    this.y -= 6;
  }
}

const fmt = (n: number): string => n.toLocaleString('fr-BE').replace(/\u202f/g, ' ');

function when(iso: string | null, languages: readonly string[], missing: string): string {
  if (iso === null) return missing;
  const locale = languages[0] === 'nl' ? 'nl-BE' : languages[0] === 'de' ? 'de-BE' : 'fr-BE';
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Brussels', dateStyle: 'long', timeStyle: 'short' })
    .format(new Date(iso))
    .replace(/\u202f/g, ' ');
}

/**
 * The PV as a PDF: six numbered sections after the model of a counting office's PV (office, the
 * ballots in this PV and any merge in words, figures with their checks, lists and candidates,
 * observations, closing with approvals and a signature line per member and witness), page numbers.
 */
export async function pvPdf(pv: PvContent, approvals: readonly PvApproval[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`PV ${pv.electionId} ${pv.groupId}`);
  doc.setCreationDate(new Date(pv.generatedAt));
  doc.setModificationDate(new Date(pv.generatedAt));
  const w = new Writer(
    doc,
    await doc.embedFont(readFileSync(REGULAR), { subset: true }),
    await doc.embedFont(readFileSync(BOLD), { subset: true }),
  );
  const L = pv.constituency.languages;
  const t = (k: PvTextKey, vars?: Readonly<Record<string, string>>): string => pvText(L, k, vars);
  const words = (code: string, fallback: string): string => (isPvTextKey(code) ? t(code) : fallback);
  const label = (labels: Readonly<Partial<Record<string, string>>>): string =>
    pvLanguages(L)
      .map((l) => labels[l] ?? labels['fr'] ?? '')
      .join(' / ');
  const groupWords = (mode: string, category: string): string =>
    `${t(mode === 'hybrid' ? 'mode.hybrid' : mode === 'online' ? 'mode.online' : 'mode.kiosk')}, ${t(category === 'belgium' ? 'cat.belgium' : 'cat.abroad')}`;
  const { reception, reconciliation } = pv;
  const check = (ok: boolean, text: string): void => {
    w.line(`${t('check')}: ${text} — ${ok ? t('holds') : t('fails')}`, { size: 8, bold: !ok });
  };

  // Heading.
  w.line(t(pv.mode === 'hybrid' ? 'title.hybrid' : 'title'), { size: 13, bold: true });
  w.line(label(pv.election.label), { size: 10, bold: true });
  w.line(`${t('office')} — ${label(pv.constituency.label)}`, { size: 11, bold: true });
  w.line(groupWords(pv.mode, pv.category), { size: 10 });
  w.rule();

  // 1. The office.
  w.line(`1. ${t('s.office')}`, { size: 10, bold: true });
  w.line(`${t('place')}: ${pv.office.place === '' ? t('not-recorded') : pv.office.place}`);
  w.line(`${t('date')}: ${pv.election.date}`);
  w.line(`${t('opened')}: ${when(pv.office.openedAt, L, t('not-recorded'))}`);
  const members = pv.office.members.filter((m) => m.role !== 'witness');
  const witnesses = pv.office.members.filter((m) => m.role === 'witness');
  if (members.length === 0) w.line(t('no-members'));
  for (const m of members) w.line(`${t(`role.${m.role}`)}: ${m.name}`, { x: MARGIN + 10 });
  if (witnesses.length > 0) w.line(`${t('witnesses')}:`);
  for (const m of witnesses) w.line(`${m.name} — ${t('witness-of')} ${String(m.listNumber ?? '')}`, { x: MARGIN + 10 });
  w.gap();

  const fig = (text: string, n: number, opts: { bold?: boolean; x?: number } = {}): void => {
    w.line(text, { ...opts, right: fmt(n) });
  };
  const cancelledTotal = Object.values(pv.cancelled).reduce((a, b) => a + b, 0);
  if (reception !== undefined && reconciliation !== undefined) {
    // 2. (hybrid) What Team A did with the envelopes of this category, and the box's reconciliation.
    w.line(`2. ${t('s.reception')}`, { size: 10, bold: true });
    fig(`(a) ${t('received.hybrid')}`, reception.received, { bold: true });
    fig(`(c) ${t('set-aside')}`, reception.received - reception.accepted);
    for (const [reason, n] of Object.entries(reception.setAside))
      fig(`— ${words(`reason.${reason}`, reason)}`, n, { x: MARGIN + 14 });
    fig(t('accepted.hybrid'), reception.accepted);
    fig(`— ${t('cancelled-after')}`, reception.cancelled, { x: MARGIN + 14 });
    fig(t('expected'), reconciliation.expected, { bold: true });
    fig(t('encoded'), reconciliation.encoded, { bold: true });
    fig(t('difference'), reconciliation.difference);
    if (reconciliation.difference !== 0)
      w.line(t(reconciliation.explanation === null ? 'difference.unexplained' : 'difference.explained'), {
        size: 8,
        bold: reconciliation.explanation === null,
      });
    check(
      reconciliation.difference === 0,
      `${fmt(reconciliation.encoded)} = ${fmt(reception.accepted)} − ${fmt(reception.cancelled)}`,
    );
    if (reception.unknownCodesAtOffice > 0) fig(t('unknown-codes'), reception.unknownCodesAtOffice, { x: MARGIN });
    w.gap();
  } else {
    // 2. The ballots in this PV: one group, or a set merged by the minimum-anonymity rule, in words.
    w.line(`2. ${t('s.set')}`, { size: 10, bold: true });
    if (pv.withheld > 0) w.line(t('set.withheld', { n: fmt(pv.withheld), min: String(pv.minimumAnonymitySet) }));
    w.line(pv.members.length > 1 ? t('set.merged', { min: String(pv.minimumAnonymitySet) }) : t('set.one'));
    for (const m of pv.members) {
      const how = m.mergeRule === null ? t('carrier') : t(`rule.${m.mergeRule}`);
      w.line(`• ${groupWords(m.mode, m.category)} — ${how}`, {
        x: MARGIN + 10,
        right: `${fmt(m.counted + m.withheld)} ${t('ballots')}`,
      });
    }
    w.gap();
  }

  // 3. Figures, with the two checks printed.
  w.line(`3. ${t('s.figures')}`, { size: 10, bold: true });
  fig(t('registered'), pv.registeredVoters);
  fig(`(a) ${t(pv.mode === 'hybrid' ? 'received.hybrid' : 'received')}`, pv.received, { bold: true });
  fig(`(b) ${t('superseded')}`, pv.superseded);
  fig(`(c) ${t('cancelled')}`, cancelledTotal);
  for (const [reason, n] of Object.entries(pv.cancelled))
    fig(`— ${words(`reason.${reason}`, reason)}`, n, { x: MARGIN + 14 });
  fig(`(d) ${t('counted')}`, pv.counted, { bold: true });
  if (pv.withheld > 0) {
    fig(`(w) ${t('withheld')}`, pv.withheld, { bold: true });
    check(
      pv.received === pv.superseded + cancelledTotal + pv.counted + pv.withheld,
      `(a) ${fmt(pv.received)} = (b) ${fmt(pv.superseded)} + (c) ${fmt(cancelledTotal)} + (d) ${fmt(pv.counted)} + (w) ${fmt(pv.withheld)}`,
    );
  } else {
    check(
      pv.received === pv.superseded + cancelledTotal + pv.counted,
      `(a) ${fmt(pv.received)} = (b) ${fmt(pv.superseded)} + (c) ${fmt(cancelledTotal)} + (d) ${fmt(pv.counted)}`,
    );
  }
  w.gap(4);
  fig(`(e) ${t('valid')}`, pv.valid, { bold: true });
  fig(`(f) ${t('blank')}`, pv.blank);
  fig(`(g) ${t('invalid')}`, pv.invalid);
  fig(`(f + g) ${t('blank-invalid')}`, pv.blank + pv.invalid);
  const rules = Object.entries(pv.invalidByRule);
  if (rules.length > 0) w.line(`${t('invalid-why')}:`, { size: 8, x: MARGIN + 14 });
  for (const [rule, n] of rules) fig(`— ${words(rule, rule)}`, n, { x: MARGIN + 14 });
  check(
    pv.counted === pv.valid + pv.blank + pv.invalid,
    `(d) ${fmt(pv.counted)} = (e) ${fmt(pv.valid)} + (f) ${fmt(pv.blank)} + (g) ${fmt(pv.invalid)}`,
  );
  w.gap();

  // 4. Lists and candidates.
  w.line(`4. ${t('s.lists')}`, { size: 10, bold: true });
  w.line(t('lists.help'), { size: 8 });
  for (const l of pv.lists) {
    w.need(70);
    w.gap(2);
    w.line(`${t('list')} ${String(l.number)} — ${l.name}`, { bold: true, size: 10, right: fmt(l.total) });
    w.line(
      `B ${fmt(l.categories.B)} + C ${fmt(l.categories.C)} + D ${fmt(l.categories.D)} + E ${fmt(l.categories.E)} = ${t('total')}: ${fmt(l.total)}`,
      { size: 8 },
    );
    w.line(t('effectives'), { size: 8, bold: true });
    for (const e of l.effectives)
      w.line(`${String(e.position)}. ${e.name}`, { size: 8, x: MARGIN + 10, right: fmt(e.votes) });
    if (l.substitutes.length > 0) w.line(t('substitutes'), { size: 8, bold: true });
    for (const c of l.substitutes)
      w.line(`${String(c.position)}. ${c.name}`, { size: 8, x: MARGIN + 10, right: fmt(c.votes) });
  }
  w.gap();

  // 5. Observations, claims, contested ballots.
  w.need(60);
  w.line(`5. ${t('s.observations')}`, { size: 10, bold: true });
  const notes = pv.observations.filter((o) => o.kind !== 'contested');
  const contested = pv.observations.filter((o) => o.kind === 'contested');
  if (notes.length === 0) w.line(t('none.observations'));
  for (const o of [...notes, ...contested])
    w.line(`${t(`kind.${o.kind}`)} (${t('by')} ${o.author}, ${when(o.recordedAt, L, '')}): ${o.text}`, {
      x: MARGIN + 10,
    });
  if (contested.length === 0) w.line(t('none.contested'));
  w.gap();

  // 6. Closing, approvals, signatures.
  w.need(120);
  w.line(`6. ${t('s.closing')}`, { size: 10, bold: true });
  w.line(`${t('closed')}: ${when(pv.office.closedAt, L, t('not-recorded'))}`);
  w.line(`${t('generated')}: ${when(pv.generatedAt, L, '')}`);
  w.line(`${t('hash')}:`, { size: 8 });
  w.line(pv.recordHash ?? t('hash.pending'), { size: 7 });
  w.line(`${t('approvals')}:`, { size: 9, bold: true });
  if (approvals.length === 0) w.line(t('no-approvals'), { x: MARGIN + 10 });
  for (const a of approvals) w.line(`${a.name} — ${t('at')} ${when(a.at, L, '')}`, { x: MARGIN + 10 });
  w.gap(6);
  w.line(t('signatures'), { bold: true });
  const signers =
    pv.office.members.length > 0
      ? pv.office.members
      : (['president', 'secretary', 'assessor', 'assessor'] as const).map((role) => ({
          role,
          name: '',
          listNumber: null,
        }));
  for (const m of signers) {
    w.need(34);
    w.gap(20);
    w.line(`${t(`role.${m.role}`)}${m.name === '' ? '' : ` — ${m.name}`}`, {
      size: 8,
      right: '______________________',
    });
  }

  // Page numbers and the PV's identity on every page.
  const pages = doc.getPages();
  const footFont = await doc.embedFont(readFileSync(REGULAR), { subset: true });
  pages.forEach((page, i) => {
    page.drawText(`${pv.electionId} · ${pv.groupId} · ${t('page')} ${String(i + 1)}/${String(pages.length)}`, {
      x: MARGIN,
      y: MARGIN / 2,
      size: 7,
      font: footFont,
      color: rgb(0.3, 0.3, 0.3),
    });
  });
  return doc.save();
}
