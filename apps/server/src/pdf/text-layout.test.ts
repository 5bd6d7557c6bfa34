import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { layoutBlocks, lineBox, wrap, type PageBox, type TextBlock } from './text-layout.ts';

// A monospace measure: every character half the font size wide.
const measure = (text: string, size: number): number => text.length * size * 0.5;
const BOX: PageBox = { left: 56, width: 483, firstTop: 600, top: 786, bottom: 56 };

const word = fc.stringMatching(/^[A-Za-zéü0-9.,:/-]{1,40}$/);
const block: fc.Arbitrary<TextBlock> = fc.record({
  text: fc.array(word, { minLength: 1, maxLength: 120 }).map((words) => words.join(' ')),
  size: fc.constantFrom(8.5, 10, 10.5, 15),
  bold: fc.boolean(),
  spaceBefore: fc.constantFrom(0, 8, 30),
  ruleBefore: fc.boolean(),
});

describe('text layout', () => {
  it('never places two lines over each other, nor outside the page box, nor loses a word', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 30 }), (blocks) => {
        const layout = layoutBlocks(blocks, measure, BOX);
        for (const line of layout.lines) {
          assert.ok(measure(line.text, line.size) <= BOX.width, `too wide: ${line.text}`);
          assert.ok(lineBox(line).bottom >= BOX.bottom, 'below the bottom margin');
          assert.ok(lineBox(line).top <= (line.page === 0 ? BOX.firstTop : BOX.top), 'above the top');
          assert.ok(line.page < layout.pages);
        }
        for (const [i, a] of layout.lines.entries()) {
          for (const b of layout.lines.slice(i + 1)) {
            if (a.page !== b.page) continue;
            const [boxA, boxB] = [lineBox(a), lineBox(b)];
            assert.ok(boxA.bottom >= boxB.top || boxB.bottom >= boxA.top, `lines overlap: «${a.text}» and «${b.text}»`);
          }
        }
        const placed = layout.lines.map((line) => line.text).join('');
        const given = blocks.map((b) => b.text.replace(/\s+/g, '')).join('');
        assert.equal(placed.replace(/\s+/g, ''), given);
      }),
    );
  });

  it('breaks the page when the text does not fit, and continues at the top of the next', () => {
    const long: TextBlock = { text: 'word '.repeat(4000).trim(), size: 10 };
    const layout = layoutBlocks([long], measure, BOX);
    assert.ok(layout.pages >= 3);
    const second = layout.lines.find((line) => line.page === 1);
    assert.equal(second === undefined ? undefined : lineBox(second).top, BOX.top);
  });

  it('cuts a word wider than the line instead of letting it run off the page', () => {
    const lines = wrap(`https://vote.example.be/${'x'.repeat(300)}`, 100, (text) => text.length * 5);
    assert.ok(lines.length > 1);
    assert.ok(lines.every((line) => line.length * 5 <= 100));
  });
});
