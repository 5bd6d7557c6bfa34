// The K-code as a barcode: Code 128 (ISO/IEC 15417), encoded by bwip-js (a maintained port of Barcode
// Writer in Pure PostScript), drawn into the PDF as vector bars: sharp at any printer resolution, and
// read by any envelope scanner at the main office. The bars encode the compact code (18 symbols).
import bwipjs from 'bwip-js';
import {
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';

export interface Bars {
  /** Left edge and width of each bar, in modules from the symbol's left edge. */
  readonly bars: readonly { readonly x: number; readonly width: number }[];
  /** The symbol's width in modules. */
  readonly modules: number;
}

/** The bars of a Code 128 symbol for `text`. */
export function code128(text: string): Bars {
  const [symbol] = bwipjs.raw('code128', text, {});
  if (symbol === undefined || !('sbs' in symbol)) throw new Error('bwip-js gave no linear symbol');
  const bars: { x: number; width: number }[] = [];
  let x = 0;
  symbol.sbs.forEach((width, i) => {
    if (i % 2 === 0) bars.push({ x, width }); // bars and spaces alternate, a bar first
    x += width;
  });
  return { bars, modules: x };
}

/** The content-stream operators that draw the symbol with its bottom-left corner at (x, y); `module` points per module. */
export function barOperators(bars: Bars, x: number, y: number, module: number, height: number): PDFOperator[] {
  return [
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    ...bars.bars.map((bar) => rectangle(x + bar.x * module, y, bar.width * module, height)),
    fill(),
    popGraphicsState(),
  ];
}

/** Draws the symbol with its bottom-left corner at (x, y); `module` points per module. Returns its width. */
export function drawBars(page: PDFPage, bars: Bars, x: number, y: number, module: number, height: number): number {
  page.pushOperators(...barOperators(bars, x, y, module, height));
  return bars.modules * module;
}
