// The public address printed in letters (`--public-url`): ISOLOIR_PUBLIC_URL by default, the same
// setting the server reads; the development server's own address when nothing is configured.
// In production (NODE_ENV=production) it must be https.
import { InvalidArgumentError } from 'commander';

export const DEVELOPMENT_URL = 'http://localhost:8080';

export function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('a public URL looks like https://vote.example.be');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InvalidArgumentError('a public URL starts with https://');
  if (process.env['NODE_ENV'] === 'production' && url.protocol !== 'https:')
    throw new InvalidArgumentError('in production the public URL must be https');
  return url.origin + url.pathname.replace(/\/$/, '');
}

export function defaultPublicUrl(): string {
  const configured = process.env['ISOLOIR_PUBLIC_URL'];
  return configured === undefined || configured === '' ? DEVELOPMENT_URL : configured;
}
