// The blank official ballot of one election in one constituency, as a hybrid voter prints it: laid
// out like the Belgian paper ballot — the lists side by side in columns, each headed by its number
// and name with the head box (case de tête / stemvak bovenaan de lijst) below, then the effective
// candidates and the substitutes each with a box, and the instruction line — in the constituency's
// language(s). Drawn once per election and constituency and copied as it is into every kit: the
// ballot carries nothing of the voter (a mark that makes a ballot recognisable voids it: CE art. 156
// §1), which a test checks by rendering two voters' ballot pages and comparing the bytes.
// A4 landscape, at most six lists a page (more lists: more pages, numbered).
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Labels } from '@isoloir/store';
import { wrap } from '../pdf/text-layout.ts';
import { FEATURES, fontBytes } from '../preparation/letters.ts';
import { BALLOT_WORDS } from './kit-texts.ts';

export interface BallotList {
  readonly number: number;
  readonly label: string;
  readonly effectives: readonly { readonly position: number; readonly name: string }[];
  readonly substitutes: readonly { readonly position: number; readonly name: string }[];
}

export interface BallotSheet {
  readonly electionLabel: Labels;
  readonly constituencyLabel: Labels;
  /** The constituency's languages, in the order they are printed. */
  readonly languages: readonly ('fr' | 'nl' | 'de')[];
  readonly lists: readonly BallotList[];
}

export const LANDSCAPE = [841.89, 595.28] as const;
const MARGIN = 28;
const PER_PAGE = 6;
const GAP = 6;
const BLACK = rgb(0, 0, 0);

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** Cuts `text` with an ellipsis so that it fits `width`. */
function fit(text: string, width: number, font: PDFFont, size: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text.length;
  while (cut > 1 && font.widthOfTextAtSize(`${text.slice(0, cut)}…`, size) > width) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

function box(page: PDFPage, x: number, y: number, side: number): void {
  page.drawRectangle({ x, y, width: side, height: side, borderColor: BLACK, borderWidth: 0.8 });
}

function drawColumn(
  page: PDFPage,
  fonts: Fonts,
  list: BallotList,
  sheet: BallotSheet,
  x: number,
  width: number,
  top: number,
  bottom: number,
  row: number,
): void {
  page.drawRectangle({ x, y: bottom, width, height: top - bottom, borderColor: BLACK, borderWidth: 1 });
  const inner = width - 8;
  let y = top - 18;
  page.drawText(String(list.number), { x: x + 4, y, size: 14, font: fonts.bold });
  const nameLines = wrap(list.label, inner - 22, (t) => fonts.bold.widthOfTextAtSize(t, 7.5)).slice(0, 2);
  nameLines.forEach((line, i) => {
    page.drawText(line, { x: x + 26, y: y + 6 - i * 9, size: 7.5, font: fonts.bold });
  });
  y -= 26;
  box(page, x + width / 2 - 8, y, 16); // the head box
  y -= 8;
  const heading = (words: 'effectives' | 'substitutes'): void => {
    const text = sheet.languages.map((l) => BALLOT_WORDS[l][words]).join(' / ');
    y -= row;
    page.drawText(fit(text, inner, fonts.bold, 6), { x: x + 4, y, size: 6, font: fonts.bold });
  };
  const candidates = (people: BallotList['effectives']): void => {
    for (const c of people) {
      y -= row;
      box(page, x + 4, y - 1, Math.min(7, row - 1.5));
      const text = fit(`${String(c.position)}. ${c.name}`, inner - 12, fonts.regular, Math.min(6.5, row - 2));
      page.drawText(text, { x: x + 14, y, size: Math.min(6.5, row - 2), font: fonts.regular });
    }
  };
  heading('effectives');
  candidates(list.effectives);
  if (list.substitutes.length > 0) {
    y -= row / 2;
    heading('substitutes');
    candidates(list.substitutes);
  }
}

/** The ballot's pages as a PDF of their own (fonts embedded), to be copied into each kit. */
export async function renderBallot(sheet: BallotSheet): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  const fonts: Fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: true, features: FEATURES }),
    bold: await doc.embedFont(bytes.bold, { subset: true, features: FEATURES }),
  };
  doc.setProducer('isoloir');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const [W, H] = LANDSCAPE;
  const pages = Math.max(1, Math.ceil(sheet.lists.length / PER_PAGE));
  const title = sheet.languages.map((l) => sheet.electionLabel[l]).join(' / ');
  const subtitle = sheet.languages.map((l) => sheet.constituencyLabel[l]).join(' / ');
  const instruction = sheet.languages.map((l) => BALLOT_WORDS[l].instruction);
  const instructionLines = instruction.flatMap((t) =>
    wrap(t, W - 2 * MARGIN, (s) => fonts.regular.widthOfTextAtSize(s, 7.5)),
  );
  const top = H - MARGIN - 34;
  const bottom = MARGIN + 12 + instructionLines.length * 10;
  const rows = Math.max(
    1,
    ...sheet.lists.map((l) => l.effectives.length + l.substitutes.length + (l.substitutes.length > 0 ? 3 : 2)),
  );
  const row = Math.min(9, (top - bottom - 60) / rows);
  const width = (W - 2 * MARGIN - (PER_PAGE - 1) * GAP) / PER_PAGE;
  for (let p = 0; p < pages; p += 1) {
    const page = doc.addPage([W, H]);
    page.drawText(fit(title, W - 2 * MARGIN - 40, fonts.bold, 12), {
      x: MARGIN,
      y: H - MARGIN - 10,
      size: 12,
      font: fonts.bold,
    });
    page.drawText(fit(subtitle, W - 2 * MARGIN, fonts.regular, 10), {
      x: MARGIN,
      y: H - MARGIN - 24,
      size: 10,
      font: fonts.regular,
    });
    if (pages > 1)
      page.drawText(`${String(p + 1)}/${String(pages)}`, {
        x: W - MARGIN - 24,
        y: H - MARGIN - 10,
        size: 9,
        font: fonts.regular,
      });
    sheet.lists.slice(p * PER_PAGE, (p + 1) * PER_PAGE).forEach((list, i) => {
      drawColumn(page, fonts, list, sheet, MARGIN + i * (width + GAP), width, top, bottom, row);
    });
    instructionLines.forEach((line, i) => {
      page.drawText(line, { x: MARGIN, y: bottom - 14 - i * 10, size: 7.5, font: fonts.regular });
    });
  }
  return doc.save({ useObjectStreams: true });
}
