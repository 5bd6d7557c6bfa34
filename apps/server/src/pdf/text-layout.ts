// Lays text out on pages: paragraphs wrapped to a width, lines one below the other, a new page when
// the next line would cross the bottom margin. Pure (it measures through the function it is given),
// so that every document (letters, kits, PVs) places text the same tested way, and nothing is ever
// drawn on top of something else.

export interface TextBlock {
  readonly text: string;
  readonly size: number;
  readonly bold?: boolean;
  /** Extra space above the block, in points (a heading, a new section). */
  readonly spaceBefore?: number;
  /** A thin horizontal rule above the block (an annex). */
  readonly ruleBefore?: boolean;
}

export interface PageBox {
  readonly left: number;
  readonly width: number;
  /** Top of the text on the first page (lower when the page starts with an address window). */
  readonly firstTop: number;
  /** Top of the text on every following page. */
  readonly top: number;
  /** No part of a line goes below this. */
  readonly bottom: number;
}

export interface PlacedLine {
  readonly page: number;
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
  readonly text: string;
}

export interface PlacedRule {
  readonly page: number;
  readonly y: number;
}

export interface Layout {
  readonly lines: readonly PlacedLine[];
  readonly rules: readonly PlacedRule[];
  readonly pages: number;
}

export type Measure = (text: string, size: number, bold: boolean) => number;

export const LINE_HEIGHT = 1.35;
const PARAGRAPH_GAP = 0.5;
/** A line's box: from a size above its baseline (capitals, accents) to a quarter below (g, p, j). */
export const DESCENT = 0.25;
const LEADING = LINE_HEIGHT - 1 - DESCENT;

/** The vertical extent a line of text takes on its page. */
export function lineBox(line: Pick<PlacedLine, 'y' | 'size'>): { readonly top: number; readonly bottom: number } {
  return { top: line.y + line.size, bottom: line.y - line.size * DESCENT };
}

/** Splits a paragraph into lines no wider than `width`; a word wider than the line is cut. */
export function wrap(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    // A word alone wider than the line (a long address, a URL) is cut where it must be.
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Places the blocks in order from the top of the first page, breaking pages where needed. */
export function layoutBlocks(blocks: readonly TextBlock[], measure: Measure, box: PageBox): Layout {
  const lines: PlacedLine[] = [];
  const rules: PlacedRule[] = [];
  let page = 0;
  let y = box.firstTop; // the top of the free space: everything placed so far is above it
  const fits = (size: number, above: number): boolean => y - above - size - size * DESCENT >= box.bottom;
  for (const block of blocks) {
    const bold = block.bold ?? false;
    const size = block.size;
    const above = (block.spaceBefore ?? 0) + (block.ruleBefore === true ? size : 0);
    const wrapped = wrap(block.text, box.width, (text) => measure(text, size, bold));
    wrapped.forEach((text, index) => {
      const gap = index === 0 ? above : 0;
      if (!fits(size, gap)) {
        page += 1;
        y = box.top;
      } else {
        y -= gap;
      }
      if (index === 0 && block.ruleBefore === true) rules.push({ page, y: y + size / 2 });
      const line: PlacedLine = { page, x: box.left, y: y - size, size, bold, text };
      lines.push(line);
      y = lineBox(line).bottom - size * LEADING;
    });
    y -= size * PARAGRAPH_GAP;
  }
  return { lines, rules, pages: page + 1 };
}
