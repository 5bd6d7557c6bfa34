// Letters and convocations as PDF: one file per commune (the residents' convocations) or per
// consular post (the abroad voters' explanatory letters, with an English annex), each letter on its
// own page(s) (laid out by ../pdf/text-layout.ts: wrapped, broken across pages, never overprinted),
// in the voter's language. DejaVu Sans is embedded (subset) so that é, ë, ü… render and extract.
// Bulk generation writes one file per commune or post, atomically, and skips finished files: an
// interrupted run resumes where it stopped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFEmbeddedPage, type PDFFont } from 'pdf-lib';
import { layoutBlocks, type TextBlock } from '../pdf/text-layout.ts';
import { privateFolder, writePrivateFile } from '../private-files.ts';
import type { Store } from '@isoloir/store';
import { latestConsolidation } from './consolidate.ts';
import { PreparationError } from './errors.ts';
import { letterParagraphs, type LetterFacts, type LetterLanguage } from './letter-texts.ts';
import { daySettings, type DaySettings } from './setup.ts';

const FONT_PATHS = [process.env['ISOLOIR_FONT'], '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'].filter(
  (p): p is string => p !== undefined && p !== '',
);
const BOLD_PATHS = [process.env['ISOLOIR_FONT_BOLD'], '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'].filter(
  (p): p is string => p !== undefined && p !== '',
);

function readFont(paths: readonly string[]): Uint8Array {
  const path = paths.find((p) => existsSync(p));
  if (path === undefined)
    throw new Error(
      `no font for letters: install fonts-dejavu-core or set ISOLOIR_FONT (looked in ${paths.join(', ')})`,
    );
  return readFileSync(path);
}

let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
/** DejaVu Sans, regular and bold (read once): the fonts of every document isoloir prints. */
export function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  fonts ??= { regular: readFont(FONT_PATHS), bold: readFont(BOLD_PATHS) };
  return fonts;
}

export interface LetterVoter {
  readonly nrn: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly address: string;
  readonly language: 'fr' | 'nl' | 'de';
  readonly category: 'belgium' | 'abroad';
  readonly mode: number | null;
  readonly kioskAddress: string | null;
}

export interface LetterContext {
  readonly settings: DaySettings;
  readonly dayLabel: Readonly<Record<LetterLanguage, string>>;
  readonly portal: string;
}

const A4 = [595.28, 841.89] as const;
const MARGIN = 56;

/**
 * Shaping text with fontkit is the slow part of a page; most lines repeat from letter to letter, so
 * each font remembers its encoded lines. Safe with subsetting: a repeated line uses no new glyph.
 */
function memoizeEncoding(font: PDFFont): PDFFont {
  const encode = font.encodeText.bind(font);
  const cache = new Map<string, ReturnType<PDFFont['encodeText']>>();
  font.encodeText = (text: string) => {
    let encoded = cache.get(text);
    if (encoded === undefined) {
      encoded = encode(text);
      if (cache.size < 20_000) cache.set(text, encoded);
    }
    return encoded;
  };
  return font;
}

class Writer {
  readonly #widths = new Map<string, number>();
  readonly font: PDFFont;
  readonly bold: PDFFont;
  constructor(font: PDFFont, bold: PDFFont) {
    this.font = memoizeEncoding(font);
    this.bold = memoizeEncoding(bold);
  }

  width(text: string, size: number, font: PDFFont): number {
    const key = `${String(size)}|${font === this.bold ? 'b' : 'r'}|${text}`;
    let w = this.#widths.get(key);
    if (w === undefined) {
      w = font.widthOfTextAtSize(text, size);
      if (this.#widths.size < 50_000) this.#widths.set(key, w);
    }
    return w;
  }
}

function factsOf(voter: LetterVoter, ctx: LetterContext): LetterFacts {
  const s = ctx.settings;
  const modeName = voter.mode === 6 ? 'hybrid' : voter.mode === 7 ? 'online' : voter.mode === 8 ? 'kiosk' : null;
  const residentModes =
    voter.category === 'belgium'
      ? ([6, 7, 8] as const).filter((m) => s.residentModes[m === 6 ? 'hybrid' : m === 7 ? 'online' : 'kiosk'].open)
      : [];
  return {
    name: `${voter.givenNames} ${voter.surname}`,
    address: voter.address,
    votingDate: s.votingDate,
    mode: voter.mode,
    period: modeName === null ? null : s.periods[modeName],
    revoteLimit: s.onlineRevoteLimit,
    kioskAddress: voter.kioskAddress,
    residentModes,
    portal: ctx.portal,
  };
}

/** Below the address window: the header, then the name and up to five address lines. */
const BODY_TOP = A4[1] - MARGIN - 40 - 14 * 5 - 44 + 15;

/** The blocks of text every letter of one kind, language and mode shares: title, paragraphs, English annex abroad. */
function bodyBlocks(kind: 'convocation' | 'abroad', language: LetterLanguage, facts: LetterFacts): TextBlock[] {
  const main = letterParagraphs(kind, language, facts);
  const blocks: TextBlock[] = [
    { text: main.title, size: 15, bold: true },
    ...main.paragraphs.map((text, index) => ({ text, size: 10.5, spaceBefore: index === 0 ? 8 : 0 })),
  ];
  if (kind === 'abroad') {
    const annex = letterParagraphs(kind, 'en', facts);
    blocks.push({ text: `Annex (English) — ${annex.title}`, size: 10, bold: true, spaceBefore: 8, ruleBefore: true });
    blocks.push(...annex.paragraphs.slice(1).map((text) => ({ text, size: 8.5 })));
  }
  return blocks;
}

/** Draws what every letter of one kind, language, mode and kiosk shares, on as many pages as it takes. */
function drawBody(
  doc: PDFDocument,
  writer: Writer,
  kind: 'convocation' | 'abroad',
  language: LetterLanguage,
  facts: LetterFacts,
  dayLabel: string,
): void {
  const measure = (text: string, size: number, bold: boolean): number =>
    writer.width(text, size, bold ? writer.bold : writer.font);
  const layout = layoutBlocks(bodyBlocks(kind, language, facts), measure, {
    left: MARGIN,
    width: A4[0] - 2 * MARGIN,
    firstTop: BODY_TOP,
    top: A4[1] - MARGIN - 24,
    bottom: MARGIN,
  });
  const pages = Array.from({ length: layout.pages }, () => doc.addPage([A4[0], A4[1]]));
  pages.forEach((page, index) => {
    const header = layout.pages > 1 ? `${dayLabel} — ${String(index + 1)}/${String(layout.pages)}` : dayLabel;
    page.drawText(header, { x: MARGIN, y: A4[1] - MARGIN, size: 9, font: writer.font, color: rgb(0.25, 0.25, 0.25) });
  });
  for (const rule of layout.rules) {
    pages[rule.page]?.drawLine({
      start: { x: MARGIN, y: rule.y },
      end: { x: A4[0] - MARGIN, y: rule.y },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
  }
  for (const line of layout.lines) {
    pages[line.page]?.drawText(line.text, {
      x: line.x,
      y: line.y,
      size: line.size,
      font: line.bold ? writer.bold : writer.font,
    });
  }
}

// No kerning or ligatures: plain Latin text, and shaping is most of a line's cost.
export const FEATURES = { kern: false, liga: false, calt: false, clig: false };

async function writerFor(doc: PDFDocument): Promise<Writer> {
  doc.registerFontkit(fontkit);
  const { regular, bold } = fontBytes();
  return new Writer(
    await doc.embedFont(regular, { subset: true, features: FEATURES }),
    await doc.embedFont(bold, { subset: true, features: FEATURES }),
  );
}

/**
 * The shared body of a letter is drawn once per kind, language, mode and kiosk into a template
 * (a form XObject); each page then holds the template and the voter's own name and address. This
 * keeps pages small and rendering fast (hundreds of pages a second).
 */
class Templates {
  readonly #cache = new Map<string, readonly PDFEmbeddedPage[]>();
  readonly #doc: PDFDocument;
  readonly #ctx: LetterContext;

  constructor(doc: PDFDocument, ctx: LetterContext) {
    this.#doc = doc;
    this.#ctx = ctx;
  }

  async of(voter: LetterVoter, facts: LetterFacts): Promise<readonly PDFEmbeddedPage[]> {
    const kind = voter.category === 'belgium' ? 'convocation' : 'abroad';
    const key = `${kind}|${voter.language}|${String(facts.mode)}|${facts.kioskAddress ?? ''}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const template = await PDFDocument.create();
    drawBody(template, await writerFor(template), kind, voter.language, facts, this.#ctx.dayLabel[voter.language]);
    // Saving first embeds the template's subset fonts; the letters' document then embeds the pages.
    const embedded = await this.#doc.embedPdf(await template.save(), template.getPageIndices());
    if (embedded.length === 0) throw new Error('letter template has no page');
    this.#cache.set(key, embedded);
    return embedded;
  }
}

/** Draws one voter's letter (one page, or more when the text needs them); returns its page count. */
async function drawLetter(
  doc: PDFDocument,
  writer: Writer,
  templates: Templates,
  voter: LetterVoter,
  ctx: LetterContext,
): Promise<number> {
  const facts = factsOf(voter, ctx);
  const body = await templates.of(voter, facts);
  const pages = body.map((template) => {
    const added = doc.addPage([A4[0], A4[1]]);
    added.drawPage(template);
    return added;
  });
  const page = pages[0];
  if (page === undefined) throw new Error('a letter has no page');
  // The address window of a C5/DL envelope: name, then the address split at its commas.
  let y = A4[1] - MARGIN - 40;
  page.drawText(facts.name, { x: 320, y, size: 11, font: writer.bold });
  for (const part of facts.address.split(', ').slice(0, 5)) {
    y -= 14;
    page.drawText(part, { x: 320, y, size: 10, font: writer.font });
  }
  return pages.length;
}

/** Renders the letters of the given voters as one PDF, each letter on its own page(s). */
export async function renderLetters(
  voters: Iterable<LetterVoter> | AsyncIterable<LetterVoter>,
  ctx: LetterContext,
  onPage?: (pages: number) => void,
): Promise<{ readonly pdf: Uint8Array; readonly pages: number }> {
  const doc = await PDFDocument.create();
  const writer = await writerFor(doc);
  const templates = new Templates(doc, ctx);
  doc.setTitle('isoloir letters');
  doc.setProducer('isoloir');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  let pages = 0;
  let letters = 0;
  for await (const voter of voters) {
    pages += await drawLetter(doc, writer, templates, voter, ctx);
    letters += 1;
    if (letters % 500 === 0) onPage?.(pages);
  }
  if (letters === 0) throw new PreparationError('preparation.not-found', 'no voter');
  return { pdf: await doc.save({ useObjectStreams: true }), pages };
}

export type LetterUnit =
  { readonly kind: 'commune'; readonly nis: string } | { readonly kind: 'post'; readonly code: string };

/** `portal` is the public address voters log in at (the configured public URL). */
export async function letterContext(store: Store, dayId: string, portal: string): Promise<LetterContext> {
  const settings = await daySettings(store.db, dayId);
  const day = await store.db
    .selectFrom('election_days')
    .select('label')
    .where('id', '=', dayId)
    .executeTakeFirstOrThrow();
  return { settings, dayLabel: day.label, portal };
}

/** The voters of one commune (residents) or post (abroad) in the latest consolidated file, in NRN order. */
export async function* unitVoters(store: Store, dayId: string, unit: LetterUnit): AsyncGenerator<LetterVoter> {
  const latest = await latestConsolidation(store.db, dayId);
  if (latest === undefined) throw new PreparationError('preparation.not-found', 'consolidation');
  const posts = new Map(
    (await store.db.selectFrom('consular_posts').select(['code', 'address']).execute()).map((p) => [p.code, p.address]),
  );
  let last = '';
  for (;;) {
    let query = store.db
      .selectFrom('consolidated_voters')
      .select(['nrn', 'surname', 'given_names', 'address', 'language', 'category', 'mode', 'kiosk_post'])
      .where('consolidation_id', '=', latest.id)
      .where('status', '=', 'ok')
      .where('nrn', '>', last);
    query =
      unit.kind === 'commune'
        ? query.where('category', '=', 'belgium').where('commune_nis', '=', unit.nis)
        : query.where('category', '=', 'abroad').where('post_code', '=', unit.code);
    const rows = await query.orderBy('nrn').limit(5000).execute();
    for (const r of rows) {
      yield {
        nrn: r.nrn,
        surname: r.surname,
        givenNames: r.given_names,
        address: r.address,
        language: r.language,
        category: r.category,
        mode: r.mode,
        kioskAddress: r.kiosk_post === null ? null : (posts.get(r.kiosk_post) ?? r.kiosk_post),
      };
    }
    if (rows.length < 5000) return;
    last = rows.at(-1)?.nrn ?? last;
  }
}

export interface BulkProgress {
  readonly units: number;
  readonly done: number;
  readonly skipped: number;
  readonly pages: number;
  readonly current: string;
}

/**
 * Writes `commune-NIS.pdf` and `post-CODE.pdf` into `outDir` for every commune and post with voters.
 * Files already there are kept (resume); each new file appears whole (written, then renamed).
 */
export async function generateAllLetters(
  store: Store,
  dayId: string,
  outDir: string,
  portal: string,
  onProgress?: (p: BulkProgress) => void,
): Promise<BulkProgress> {
  const latest = await latestConsolidation(store.db, dayId);
  if (latest === undefined) throw new PreparationError('preparation.not-found', 'consolidation');
  privateFolder(outDir); // letters carry names and addresses: for the operator alone
  const communes = await store.db
    .selectFrom('consolidated_voters')
    .select('commune_nis')
    .distinct()
    .where('consolidation_id', '=', latest.id)
    .where('category', '=', 'belgium')
    .where('status', '=', 'ok')
    .orderBy('commune_nis')
    .execute();
  const posts = await store.db
    .selectFrom('consolidated_voters')
    .select('post_code')
    .distinct()
    .where('consolidation_id', '=', latest.id)
    .where('category', '=', 'abroad')
    .where('status', '=', 'ok')
    .orderBy('post_code')
    .execute();
  const units: { unit: LetterUnit; file: string }[] = [
    ...communes.map((c) => ({
      unit: { kind: 'commune', nis: c.commune_nis } as const,
      file: `commune-${c.commune_nis}.pdf`,
    })),
    ...posts
      .filter((p) => p.post_code !== null)
      .map((p) => ({
        unit: { kind: 'post', code: p.post_code ?? '' } as const,
        file: `post-${p.post_code ?? ''}.pdf`,
      })),
  ];
  const ctx = await letterContext(store, dayId, portal);
  let progress: BulkProgress = { units: units.length, done: 0, skipped: 0, pages: 0, current: '' };
  for (const { unit, file } of units) {
    const path = join(outDir, file);
    if (existsSync(path)) {
      progress = { ...progress, done: progress.done + 1, skipped: progress.skipped + 1, current: file };
      onProgress?.(progress);
      continue;
    }
    const { pdf, pages } = await renderLetters(unitVoters(store, dayId, unit), ctx);
    writePrivateFile(path, pdf);
    progress = { ...progress, done: progress.done + 1, pages: progress.pages + pages, current: file };
    onProgress?.(progress);
  }
  return progress;
}
