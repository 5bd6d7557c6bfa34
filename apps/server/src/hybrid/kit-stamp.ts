// A voter's kit as bytes, without building a PDF per voter: what every kit of the same constituency,
// language and category shares (the instructions, the labels page without the voter, the blank
// ballots) is saved once, with a reserved empty content stream on the labels page; a voter's kit is
// those bytes followed by one incremental update (ISO 32000-1 §7.5.6) that replaces the reserved
// stream with the voter's name, K-code and barcode. Every other object, the ballot pages above all,
// is the same bytes in every kit. The operators come from pdf-lib; only the update's frame (the
// object, its cross-reference entry and the trailer) is written here.
import { degrees, drawText, rgb, type PDFFont, type PDFName, type PDFOperator } from 'pdf-lib';
import { formatKcode } from '@isoloir/electoral';
import { barOperators, code128 } from './barcode.ts';

export interface StampFont {
  readonly font: PDFFont;
  /** Its name in the labels page's resources. */
  readonly key: PDFName;
}

export interface LabelSlots {
  /** Where the voter's name goes (the first line's baseline) and the K-code, the barcode's box. */
  readonly name: { readonly x: number; readonly y: number };
  readonly kcode: { readonly x: number; readonly y: number };
  readonly barcode: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

export interface KitBase {
  /** The shared document, saved with a classic cross-reference table. */
  readonly bytes: Uint8Array;
  /** The object number of the labels page's reserved content stream (generation 0). */
  readonly reserved: number;
  /** The base trailer's entries (Size, Root, Info …), repeated in the update's trailer. */
  readonly trailerEntries: string;
  /** The offset of the base's cross-reference table (the update's `/Prev`). */
  readonly startxref: number;
  readonly regular: StampFont;
  readonly bold: StampFont;
  readonly slots: LabelSlots;
  readonly firstBallotPage: number;
  readonly pages: number;
}

/** Reads what an incremental update needs from the end of a document saved with a classic table. */
export function trailerOf(bytes: Uint8Array): { readonly entries: string; readonly startxref: number } {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const match = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (match === null) throw new Error('the kit base has no classic trailer');
  const entries = (match[1] ?? '').replace(/\/Prev\s+\d+/, '').trim();
  return { entries, startxref: Number(match[2]) };
}

/** Whether a standard PDF font (WinAnsi) can print the text. */
export function printable(font: PDFFont, text: string): boolean {
  try {
    font.encodeText(text);
    return true;
  } catch {
    return false;
  }
}

function text(font: StampFont, value: string, size: number, at: { readonly x: number; readonly y: number }) {
  return drawText(font.font.encodeText(value), {
    color: rgb(0, 0, 0),
    font: font.key,
    size,
    rotate: degrees(0),
    xSkew: degrees(0),
    ySkew: degrees(0),
    x: at.x,
    y: at.y,
  });
}

/** The voter's operators: the name, the K-code as text and as a Code 128 barcode. */
export function voterOperators(base: KitBase, name: string, kcode: string): PDFOperator[] {
  const bars = code128(kcode);
  const { barcode } = base.slots;
  const module = Math.min(1.2, barcode.width / bars.modules);
  return [
    ...text(base.regular, name, 11, base.slots.name),
    ...text(base.bold, formatKcode(kcode), 18, base.slots.kcode),
    ...barOperators(bars, barcode.x, barcode.y, module, barcode.height),
  ];
}

/**
 * The kit of one voter: the base and an update replacing the reserved stream. Undefined when the
 * name cannot be printed in the standard font (outside Latin-1): that kit is drawn whole.
 */
export function stampKit(base: KitBase, name: string, kcode: string): Uint8Array | undefined {
  if (!printable(base.regular.font, name)) return undefined;
  const content = voterOperators(base, name, kcode)
    .map((op) => op.toString())
    .join('\n');
  const offset = base.bytes.length + 1;
  const object = `\n${String(base.reserved)} 0 obj\n<< /Length ${String(content.length)} >>\nstream\n${content}\nendstream\nendobj\n`;
  const xref = offset + object.length - 1;
  const update =
    `${object}xref\n${String(base.reserved)} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<< ${base.trailerEntries} /Prev ${String(base.startxref)} >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  const tail = Buffer.from(update, 'latin1');
  const kit = new Uint8Array(base.bytes.length + tail.length);
  kit.set(base.bytes, 0);
  kit.set(tail, base.bytes.length);
  return kit;
}
