import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progress } from './progress.ts';

function recorder(isTTY: boolean): {
  stream: { isTTY: boolean; write: (text: string) => boolean };
  text: () => string;
} {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (text) => chunks.push(text) > 0 }, text: () => chunks.join('') };
}

test('elsewhere than a terminal: plain lines, at most one per tenth', () => {
  const out = recorder(false);
  const bar = progress('mixing', 1000, out.stream, () => 0);
  for (let done = 0; done <= 1000; done += 1) bar.update(done);
  bar.finish();
  const lines = out.text().trimEnd().split('\n');
  assert.equal(lines.length, 12);
  assert.ok(lines.every((line) => !line.includes('\r')));
  assert.match(lines.at(-1) ?? '', /^mixing \[#{30}\] 1000\/1000 \(100 %/);
});

test('on a terminal: one line redrawn in place', () => {
  const out = recorder(true);
  const bar = progress('import', 4, out.stream, () => 0);
  for (let done = 0; done <= 4; done += 1) bar.update(done);
  bar.finish('done');
  assert.equal(out.text().split('\n').length, 2);
  assert.equal(out.text().split('\r').length, 7);
  assert.match(out.text(), /import \[#{30}\] 4\/4 \(100 %, 0\/s\) done\n$/);
});
