import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { InvalidArgumentError } from 'commander';
import { defaultPublicUrl, DEVELOPMENT_URL, parsePublicUrl } from './public-url.ts';

describe('the public URL printed in letters', () => {
  const saved = { url: process.env['ISOLOIR_PUBLIC_URL'], env: process.env['NODE_ENV'] };
  afterEach(() => {
    process.env['ISOLOIR_PUBLIC_URL'] = saved.url ?? '';
    if (saved.env === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = saved.env;
  });

  it('comes from ISOLOIR_PUBLIC_URL, else the development server (http, not https://localhost)', () => {
    process.env['ISOLOIR_PUBLIC_URL'] = 'https://vote.example.be';
    assert.equal(defaultPublicUrl(), 'https://vote.example.be');
    process.env['ISOLOIR_PUBLIC_URL'] = '';
    assert.equal(defaultPublicUrl(), DEVELOPMENT_URL);
  });

  it('is a web address, https in production, without a trailing slash', () => {
    assert.equal(parsePublicUrl('https://vote.example.be/'), 'https://vote.example.be');
    assert.throws(() => parsePublicUrl('vote.example.be'), InvalidArgumentError);
    assert.throws(() => parsePublicUrl('javascript:alert(1)'), InvalidArgumentError);
    process.env['NODE_ENV'] = 'production';
    assert.throws(() => parsePublicUrl('http://vote.example.be'), /https/);
    assert.equal(parsePublicUrl('https://vote.example.be'), 'https://vote.example.be');
  });
});
