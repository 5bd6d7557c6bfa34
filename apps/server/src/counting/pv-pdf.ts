// The PV as a real PDF (pdf-lib, DejaVu fonts for every Belgian accent), in the constituency's
// language(s): Brussels-Capital bilingual FR/NL. Signature lines for the main office.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PvContent } from './pv.ts';
import { pvText } from './pv-texts.ts';

const REGULAR = [process.env['ISOLOIR_FONT'], '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'].find((p) => p !== undefined && p !== '') ?? '';
const BOLD = [process.env['ISOLOIR_FONT_BOLD'], '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'].find((p) => p !== undefined && p !== '') ?? '';
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
    const width = A4[0] - MARGIN - x - (opts.right === undefined ? 0 : 70);
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

export async function pvPdf(pv: PvContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`PV ${pv.groupId}`);
  doc.setCreationDate(new Date(pv.generatedAt));
  doc.setModificationDate(new Date(pv.generatedAt));
  const w = new Writer(doc, await doc.embedFont(readFileSync(REGULAR), { subset: true }), await doc.embedFont(readFileSync(BOLD), { subset: true }));
  const L = pv.constituency.languages;
  const t = (k: Parameters<typeof pvText>[1]): string => pvText(L, k);
  const labels = L.map((l) => (l === 'nl' || l === 'de' || l === 'fr' ? pv.constituency.label[l] : pv.constituency.label.fr));
  w.line(t('title'), { size: 13, bold: true });
  w.line(labels.join(' / '), { size: 11, bold: true });
  w.line(`${t(pv.mode === 'online' ? 'mode.online' : 'mode.kiosk')} — ${t(pv.category === 'belgium' ? 'cat.belgium' : 'cat.abroad')}`, { size: 10 });
  w.line(`${pv.electionId} · ${pv.groupId}`, { size: 8 });
  w.rule();
  if (pv.mergedInto !== null) w.line(`${t('merged-into')} ${pv.mergedInto}`, { bold: true });
  for (const m of pv.mergedFrom) w.line(`${t('merged-from')} ${m}`, { bold: true });
  const fig = (k: Parameters<typeof pvText>[1], n: number): void => { w.line(t(k), { right: n.toLocaleString('fr-BE') }); };
  fig('registered', pv.registeredVoters);
  fig('received', pv.received);
  fig('superseded', pv.superseded);
  for (const [reason, n] of Object.entries(pv.cancelled)) w.line(`${t('cancelled')}: ${reason}`, { right: n.toLocaleString('fr-BE') });
  fig('counted', pv.counted);
  w.rule();
  fig('valid', pv.valid);
  fig('blank', pv.blank);
  fig('invalid', pv.invalid);
  for (const [rule, n] of Object.entries(pv.invalidByRule)) w.line(`   ${rule}`, { right: String(n) });
  w.rule();
  for (const l of pv.lists) {
    w.need(60);
    w.line(`${t('list')} ${String(l.number)} — ${l.name}`, { bold: true, size: 10, right: `${t('total')}: ${String(l.total)}` });
    w.line(`B ${String(l.categories.B)}   C ${String(l.categories.C)}   D ${String(l.categories.D)}   E ${String(l.categories.E)}`);
    w.line(t('effectives'), { size: 8, bold: true });
    for (const e of l.effectives) w.line(`${String(e.position)}. ${e.name}`, { size: 8, x: MARGIN + 10, right: String(e.votes) });
    if (l.substitutes.length > 0) w.line(t('substitutes'), { size: 8, bold: true });
    for (const s of l.substitutes) w.line(`${String(s.position)}. ${s.name}`, { size: 8, x: MARGIN + 10, right: String(s.votes) });
    w.gap();
  }
  w.rule();
  w.line(`${t('generated')}: ${pv.generatedAt}`, { size: 8 });
  w.line(`${t('hash')}:`, { size: 8 });
  w.line((pv.recordHash ?? '').slice(0, 64), { size: 7 });
  w.line((pv.recordHash ?? '').slice(64), { size: 7 });
  w.gap(10);
  w.line(t('signatures'), { bold: true });
  for (const role of ['president', 'secretary', 'member', 'member'] as const) {
    w.gap(18);
    w.line(`${t(role)}: ______________________________`);
  }
  return doc.save();
}
