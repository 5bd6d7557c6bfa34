// Reads the Code 128 symbol on one page of a PDF as a scanner would: the page rendered to PNG by
// pdftoppm (150 dpi), then decoded by @zxing/library.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import zxing from '@zxing/library';
import { PNG } from 'pngjs';

export function barcodeOn(pdfFile: string, page: number, work: string): string {
  const prefix = join(work, `page-${String(page)}-${String(Math.random()).slice(2)}`);
  execFileSync('pdftoppm', [
    '-r',
    '150',
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    pdfFile,
    prefix,
  ]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i += 1) luminance[i] = png.data[i * 4] ?? 255;
  const bitmap = new zxing.BinaryBitmap(
    new zxing.HybridBinarizer(new zxing.RGBLuminanceSource(luminance, png.width, png.height)),
  );
  const hints = new Map<zxing.DecodeHintType, unknown>([
    [zxing.DecodeHintType.POSSIBLE_FORMATS, [zxing.BarcodeFormat.CODE_128]],
    [zxing.DecodeHintType.TRY_HARDER, true],
  ]);
  return new zxing.MultiFormatReader().decode(bitmap, hints).getText();
}

/** The page of the PDF whose text holds `text` (1-based), if any. */
export function pageWith(pdfFile: string, text: string): number | undefined {
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0');
  for (let p = 1; p <= pages; p += 1) {
    const pageText = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdfFile, '-'], { encoding: 'utf8' });
    if (pageText.includes(text)) return p;
  }
  return undefined;
}
