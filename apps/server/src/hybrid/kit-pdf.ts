// The print kit of a hybrid voter (mode 6), one PDF: the instructions (folding, posting, the deadline
// for arrival, the postage rule; in the voter's language, with the English annex abroad as for
// letters), the labels page (the outer-envelope label: the main office's address, the voter's name,
// Belgium or abroad, the K-code as text and as a Code 128 barcode; the inner-envelope label: "vote",
// the elections and the constituency only), then the blank ballot of each election.
//
// Everything but the labels is drawn once (per language and category; per election and constituency)
// and copied into each kit as it is: the ballot pages of two voters are the same bytes.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatKcode } from '@isoloir/electoral';
import type { Labels } from '@isoloir/store';
import { layoutBlocks, wrap, type TextBlock } from '../pdf/text-layout.ts';
import type { LetterLanguage } from '../preparation/letter-texts.ts';
import { FEATURES, fontBytes } from '../preparation/letters.ts';
import { code128, drawBars } from './barcode.ts';
import { printable, stampKit, trailerOf, type KitBase, type LabelSlots } from './kit-stamp.ts';
import { renderBallot, type BallotSheet } from './ballot-pdf.ts';
import { kitWords, type KitFacts } from './kit-texts.ts';

const A4 = [595.28, 841.89] as const;
const MARGIN = 56;
const GREY = rgb(0.35, 0.35, 0.35);

export interface KitElection {
  readonly electionId: string;
  readonly label: Labels;
  readonly constituencyCode: string;
  readonly constituencyLabel: Labels;
}

export interface KitContent {
  readonly language: 'fr' | 'nl' | 'de';
  readonly category: 'belgium' | 'abroad';
  /** The voter's name as on the voter file: "Given names Surname". */
  readonly name: string;
  /** The compact K-code (18 symbols). */
  readonly kcode: string;
  readonly mainOfficeAddress: string;
  readonly dayLabel: Labels;
  readonly facts: KitFacts;
  readonly elections: readonly KitElection[];
}

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  return {
    regular: await doc.embedFont(bytes.regular, { subset: true, features: FEATURES }),
    bold: await doc.embedFont(bytes.bold, { subset: true, features: FEATURES }),
  };
}

function fixedDates(doc: PDFDocument, title: string): void {
  doc.setTitle(title);
  doc.setProducer('isoloir');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
}

/** The instructions pages: the voter's language, then the English annex abroad. */
async function renderInstructions(
  language: LetterLanguage,
  category: 'belgium' | 'abroad',
  facts: KitFacts,
  dayLabel: Labels,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  fixedDates(doc, 'isoloir hybrid kit');
  const section = (l: LetterLanguage, annex: boolean): TextBlock[] => {
    const w = kitWords(l);
    return [
      {
        text: annex ? `Annex (English) — ${w.title}` : w.title,
        size: annex ? 11 : 15,
        bold: true,
        spaceBefore: annex ? 10 : 0,
        ruleBefore: annex,
      },
      { text: w.intro, size: annex ? 9 : 10.5, spaceBefore: 6 },
      ...w.steps({ ...facts, category }, l).map((text) => ({ text, size: annex ? 9 : 10.5 })),
    ];
  };
  const blocks = [...section(language, false), ...(category === 'abroad' ? section('en', true) : [])];
  const layout = layoutBlocks(
    blocks,
    (text, size, bold) => (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(text, size),
    {
      left: MARGIN,
      width: A4[0] - 2 * MARGIN,
      firstTop: A4[1] - MARGIN - 24,
      top: A4[1] - MARGIN - 24,
      bottom: MARGIN,
    },
  );
  const pages = Array.from({ length: layout.pages }, () => doc.addPage([A4[0], A4[1]]));
  pages.forEach((page) => {
    page.drawText(dayLabel[language], { x: MARGIN, y: A4[1] - MARGIN, size: 9, font: fonts.regular, color: GREY });
  });
  for (const rule of layout.rules)
    pages[rule.page]?.drawLine({
      start: { x: MARGIN, y: rule.y },
      end: { x: A4[0] - MARGIN, y: rule.y },
      thickness: 0.5,
      color: GREY,
    });
  for (const line of layout.lines)
    pages[line.page]?.drawText(line.text, {
      x: line.x,
      y: line.y,
      size: line.size,
      font: line.bold ? fonts.bold : fonts.regular,
    });
  return doc.save({ useObjectStreams: true });
}

function dashedBox(page: PDFPage, x: number, y: number, width: number, height: number): void {
  page.drawRectangle({ x, y, width, height, borderColor: GREY, borderWidth: 0.8, borderDashArray: [4, 3] });
}

/** Draws `lines` from `y` down; returns the y below them. */
function lines(
  page: PDFPage,
  font: PDFFont,
  size: number,
  x: number,
  y: number,
  width: number,
  text: readonly string[],
): number {
  let at = y;
  for (const paragraph of text)
    for (const line of wrap(paragraph, width, (t) => font.widthOfTextAtSize(t, size))) {
      at -= size * 1.3;
      page.drawText(line, { x, y: at, size, font });
    }
  return at;
}

const LABEL_COLUMN = 95;

/**
 * The labels page without the voter: the outer-envelope label (the main office's address, the
 * headings, Belgium or abroad) and the inner-envelope label ("vote", the elections and the
 * constituency only). Returns where the name, the K-code and the barcode go.
 */
function drawLabelTemplate(page: PDFPage, fonts: Fonts, kit: KitContent): LabelSlots {
  const w = kitWords(kit.language);
  const x = MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const pad = 14;
  const column = x + pad + LABEL_COLUMN;
  const columnWidth = width - 2 * pad - LABEL_COLUMN;
  page.drawText(w.cut, { x, y: A4[1] - MARGIN, size: 9, font: fonts.regular, color: GREY });
  const outerTop = A4[1] - MARGIN - 16;
  const outerHeight = 300;
  dashedBox(page, x, outerTop - outerHeight, width, outerHeight);
  page.drawText(w.outerLabel, { x: x + pad, y: outerTop - 18, size: 8, font: fonts.regular, color: GREY });
  page.drawText(`${w.to}:`, { x: x + pad, y: outerTop - 38, size: 9, font: fonts.bold });
  let y = lines(page, fonts.bold, 11, column, outerTop - 26, columnWidth, kit.mainOfficeAddress.split(', '));
  y = Math.min(y, outerTop - 38) - 22;
  page.drawText(`${w.from}:`, { x: x + pad, y, size: 9, font: fonts.bold });
  const name = { x: column, y };
  page.drawText(w.where[kit.category], { x: column, y: y - 14.3, size: 11, font: fonts.regular });
  y -= 44;
  page.drawText(`${w.kcode}:`, { x: x + pad, y, size: 9, font: fonts.bold });
  const kcode = { x: column, y: y - 2 };
  const barcode = { x: column, y: y - 20 - 60, width: columnWidth, height: 60 };
  const innerTop = outerTop - outerHeight - 30;
  const innerHeight = 200;
  dashedBox(page, x, innerTop - innerHeight, width, innerHeight);
  page.drawText(w.innerLabel, { x: x + pad, y: innerTop - 18, size: 8, font: fonts.regular, color: GREY });
  page.drawText(w.vote, { x: x + pad, y: innerTop - 56, size: 30, font: fonts.bold });
  lines(
    page,
    fonts.regular,
    11,
    x + pad,
    innerTop - 66,
    width - 2 * pad,
    kit.elections.map((e) => `${e.label[kit.language]} — ${e.constituencyLabel[kit.language]}`),
  );
  return { name, kcode, barcode };
}

/**
 * The voter's part of the labels page: the name, the K-code as text and as a barcode. Helvetica
 * (a standard font, nothing to embed) prints the code and almost every name; a name it cannot print
 * (outside Latin-1) is printed with DejaVu Sans, embedded for that kit.
 */
async function drawLabelVoter(doc: PDFDocument, page: PDFPage, slots: LabelSlots, kit: KitContent): Promise<void> {
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const nameFont = printable(regular, kit.name) ? regular : (await embedFonts(doc)).regular;
  page.drawText(kit.name, { x: slots.name.x, y: slots.name.y, size: 11, font: nameFont });
  page.drawText(formatKcode(kit.kcode), { x: slots.kcode.x, y: slots.kcode.y, size: 18, font: bold });
  const bars = code128(kit.kcode);
  const module = Math.min(1.2, slots.barcode.width / bars.modules);
  drawBars(page, bars, slots.barcode.x, slots.barcode.y, module, slots.barcode.height);
}

/**
 * What every kit shares, drawn once and kept as parsed documents: the instructions per language,
 * category and facts; the blank ballot per election and constituency.
 */
export class KitTemplates {
  readonly #instructions = new Map<string, Promise<PDFDocument>>();
  readonly #ballots = new Map<string, Promise<PDFDocument>>();
  readonly #labels = new Map<string, Promise<{ readonly doc: PDFDocument; readonly slots: LabelSlots }>>();
  readonly #bases = new Map<string, Promise<KitBase>>();
  readonly #sheet: (electionId: string, constituencyCode: string) => Promise<BallotSheet>;

  constructor(sheet: (electionId: string, constituencyCode: string) => Promise<BallotSheet>) {
    this.#sheet = sheet;
  }

  instructions(kit: KitContent): Promise<PDFDocument> {
    const key = `${kit.language}|${kit.category}|${kit.facts.deadline}|${kit.facts.statusUrl}|${kit.dayLabel[kit.language]}`;
    let doc = this.#instructions.get(key);
    if (doc === undefined) {
      doc = renderInstructions(kit.language, kit.category, kit.facts, kit.dayLabel).then((b) => PDFDocument.load(b));
      this.#instructions.set(key, doc);
    }
    return doc;
  }

  labels(kit: KitContent): Promise<{ readonly doc: PDFDocument; readonly slots: LabelSlots }> {
    const key = JSON.stringify([
      kit.language,
      kit.category,
      kit.mainOfficeAddress,
      kit.elections.map((e) => [e.electionId, e.constituencyCode]),
    ]);
    let labels = this.#labels.get(key);
    if (labels === undefined) {
      labels = (async () => {
        const template = await PDFDocument.create();
        const slots = drawLabelTemplate(template.addPage([A4[0], A4[1]]), await embedFonts(template), kit);
        return { doc: await PDFDocument.load(await template.save()), slots };
      })();
      this.#labels.set(key, labels);
    }
    return labels;
  }

  /** Everything the kits of this constituency, language and category share, saved once. */
  base(kit: KitContent): Promise<KitBase> {
    const key = JSON.stringify([
      kit.language,
      kit.category,
      kit.facts,
      kit.dayLabel[kit.language],
      kit.mainOfficeAddress,
      kit.elections.map((e) => [e.electionId, e.constituencyCode]),
    ]);
    let base = this.#bases.get(key);
    if (base === undefined) {
      base = buildBase(kit, this);
      this.#bases.set(key, base);
      // A failed drawing is not kept: the next kit tries again.
      base.catch(() => this.#bases.delete(key));
    }
    return base;
  }

  ballot(electionId: string, constituencyCode: string): Promise<PDFDocument> {
    const key = `${electionId}|${constituencyCode}`;
    let doc = this.#ballots.get(key);
    if (doc === undefined) {
      doc = this.#sheet(electionId, constituencyCode)
        .then(renderBallot)
        .then((b) => PDFDocument.load(b));
      this.#ballots.set(key, doc);
    }
    return doc;
  }
}

/** The pages every kit of `kit`'s kind shares, in a new document; the labels page without the voter. */
async function sharedPages(
  kit: KitContent,
  templates: KitTemplates,
): Promise<{
  readonly doc: PDFDocument;
  readonly labelsPage: PDFPage;
  readonly slots: LabelSlots;
  readonly firstBallotPage: number;
}> {
  const doc = await PDFDocument.create();
  fixedDates(doc, 'isoloir hybrid kit');
  const instructions = await templates.instructions(kit);
  for (const page of await doc.copyPages(instructions, instructions.getPageIndices())) doc.addPage(page);
  const labels = await templates.labels(kit);
  const [labelsPage] = await doc.copyPages(labels.doc, [0]);
  if (labelsPage === undefined) throw new Error('the labels template has no page');
  doc.addPage(labelsPage);
  const firstBallotPage = doc.getPageCount();
  for (const e of kit.elections) {
    const ballot = await templates.ballot(e.electionId, e.constituencyCode);
    for (const page of await doc.copyPages(ballot, ballot.getPageIndices())) doc.addPage(page);
  }
  return { doc, labelsPage, slots: labels.slots, firstBallotPage };
}

/** The shared document with Helvetica in the labels page's resources and its reserved stream. */
async function buildBase(kit: KitContent, templates: KitTemplates): Promise<KitBase> {
  const { doc, labelsPage, slots, firstBallotPage } = await sharedPages(kit, templates);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const reserved = doc.context.register(doc.context.stream(''));
  labelsPage.node.addContentStream(reserved);
  const fonts = {
    regular: { font: regular, key: labelsPage.node.newFontDictionary(regular.name, regular.ref) },
    bold: { font: bold, key: labelsPage.node.newFontDictionary(bold.name, bold.ref) },
  };
  const bytes = await doc.save({ useObjectStreams: false });
  const trailer = trailerOf(bytes);
  return {
    bytes,
    reserved: reserved.objectNumber,
    trailerEntries: trailer.entries,
    startxref: trailer.startxref,
    ...fonts,
    slots,
    firstBallotPage,
    pages: doc.getPageCount(),
  };
}

/** The kit's PDF and the index of its first ballot page. */
export async function renderKit(
  kit: KitContent,
  templates: KitTemplates,
): Promise<{ readonly pdf: Uint8Array; readonly firstBallotPage: number; readonly pages: number }> {
  const base = await templates.base(kit);
  const stamped = stampKit(base, kit.name, kit.kcode);
  if (stamped !== undefined) return { pdf: stamped, firstBallotPage: base.firstBallotPage, pages: base.pages };
  // A name outside Latin-1: this kit is drawn whole, with DejaVu Sans embedded for the name.
  const { doc, labelsPage, slots, firstBallotPage } = await sharedPages(kit, templates);
  await drawLabelVoter(doc, labelsPage, slots, kit);
  return { pdf: await doc.save({ useObjectStreams: false }), firstBallotPage, pages: doc.getPageCount() };
}
