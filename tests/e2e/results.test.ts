// Public results in Chromium after the demo's count (`isoloir demo`: every election voted, mixed,
// decrypted, PVs approved by two Team B members): the Chamber's constituencies are final; a
// constituency's page states what the figures are, shows the votes per list with the threshold, the
// seats (summing to the constituency's) and the elected; axe-core finds nothing, in the
// browser's language and in Dutch.
// The operations dashboard after the count (as the PO) shows counts only and is axe-clean.
// Each constituency's open-data file, fed to `isoloir allocate` with the flags it states, gives back
// the published seats and elected candidates. A constituency with a PV not final is refused.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { buildApp } from '@isoloir/server';
import { testSession } from '@isoloir/server/testing';
import type { Store } from '@isoloir/store';
import type { Page } from 'playwright-core';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();

/**
 * `isoloir demo` (apps/cli/src/commands/counting/demo-run.ts), loaded at run time: this program is
 * type-checked with the DOM library, under which the demo's Node-only files do not compile.
 */
type RunDemo = (o: {
  readonly voters: number;
  readonly out: string;
  readonly seed: number;
  readonly log: (line: string) => void;
  readonly inspect: (store: Store) => Promise<void>;
  readonly fullDay: boolean;
}) => Promise<unknown>;
const DEMO_MODULE: string = '@isoloir/cli/demo';
const CHAMBER = 'demo-2029-chamber';
const WEB_ROOT = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
const CLI = fileURLToPath(new URL('../../apps/cli/src/main.ts', import.meta.url));

interface OpenData {
  readonly Isoloir: {
    readonly rules: { seats: number; method: string; thresholdPercent: number; devolution: string };
  };
  readonly ElectionLists: readonly {
    readonly ListNumber: number;
    readonly A_SeatsForList: number;
    readonly Candidates: readonly {
      readonly FullName: string;
      readonly IsSuccessor: boolean;
      readonly IV_CandidateOrder: number | null;
    }[];
  }[];
}

interface Results {
  readonly rules: { readonly seats: number };
  readonly allocation:
    | { readonly none: string }
    | { readonly lists: readonly { number: number; seats: number; elected: readonly { name: string }[] }[] };
}

type Allocated = Exclude<Results['allocation'], { readonly none: string }>;

test(
  'public results after the demo count: page, charts, open data recomputed by isoloir allocate',
  { skip },
  async () => {
    const out = mkdtempSync(join(tmpdir(), 'isoloir-results-e2e-'));
    try {
      const { runDemo } = (await import(DEMO_MODULE)) as { runDemo: RunDemo };
      await runDemo({
        voters: 250,
        out,
        seed: 7,
        // The Chamber alone: the results of one election are what this test reads (the demo test runs the day).
        fullDay: false,
        log: () => undefined,
        inspect: async (store) => {
          const app = await buildApp({ store, webRoot: WEB_ROOT });
          const url = await app.listen({ port: 0, host: '127.0.0.1' });
          const browser = await launchBrowser();
          try {
            const get = async (path: string): Promise<{ status: number; body: string }> => {
              const r = await app.inject({ url: path });
              return { status: r.statusCode, body: r.body };
            };
            const index = JSON.parse((await get(`/api/results/${CHAMBER}`)).body) as {
              constituencies: { code: string; final: boolean }[];
            };
            assert.ok(index.constituencies.length > 0);
            assert.ok(
              index.constituencies.every((c) => c.final),
              JSON.stringify(index),
            );

            const allocated: { code: string; results: Results }[] = [];
            // Every constituency: the open-data file recomputed by the command gives the published seats and elected.
            for (const { code } of index.constituencies) {
              const file = (await get(`/api/results/${CHAMBER}/${code}/open-data/json`)).body;
              const published = JSON.parse(file) as OpenData;
              const page = JSON.parse((await get(`/api/results/${CHAMBER}/${code}`)).body) as Results;
              // A small demo can leave a tie the statute's steps do not settle, or give a list more seats
              // than candidates: then no seat is published, and the page says why.
              if ('none' in page.allocation) {
                assert.match(page.allocation.none, /^(seats|designation)\./, code);
                assert.equal(published.ElectionLists[0]?.A_SeatsForList, undefined);
                continue;
              }
              allocated.push({ code, results: page });
              assert.equal(
                published.ElectionLists.reduce((a, l) => a + l.A_SeatsForList, 0),
                page.rules.seats,
                `${code}: every seat allocated`,
              );
              for (const l of page.allocation.lists) {
                const inFile = published.ElectionLists.find((x) => x.ListNumber === l.number);
                assert.equal(inFile?.A_SeatsForList, l.seats, `${code} list ${String(l.number)} seats`);
                const electedInFile = inFile.Candidates.filter((c) => !c.IsSuccessor && c.IV_CandidateOrder !== null)
                  .sort((a, b) => (a.IV_CandidateOrder ?? 0) - (b.IV_CandidateOrder ?? 0))
                  .map((c) => c.FullName);
                assert.deepEqual(
                  electedInFile,
                  l.elected.map((c) => c.name),
                  `${code} list ${String(l.number)} elected`,
                );
              }
              const path = join(out, `${code}.json`);
              writeFileSync(path, file);
              const r = published.Isoloir.rules;
              const run = spawnSync(
                process.execPath,
                [
                  CLI,
                  'allocate',
                  path,
                  '--seats',
                  String(r.seats),
                  '--method',
                  r.method,
                  '--threshold',
                  String(r.thresholdPercent),
                  '--devolution',
                  r.devolution,
                ],
                { encoding: 'utf8' },
              );
              assert.equal(run.status, 0, run.stderr);
              assert.deepEqual(
                JSON.parse(run.stdout),
                published,
                `${code}: isoloir allocate gives back the published file`,
              );
              const csv = await get(`/api/results/${CHAMBER}/${code}/open-data/csv`);
              assert.equal(csv.status, 200);
            }

            assert.ok(allocated.length > 0, 'at least one constituency with seats');
            const [{ code, results }] = allocated as [{ code: string; results: Results }];
            const expected = { rules: results.rules, allocation: results.allocation as Allocated };
            const page: Page = await browser.newPage();
            await page.goto(`${url}/results/${CHAMBER}`);
            await page.locator(`[data-constituency="${code}"] a`).click();
            await page.getByTestId('votes-table').waitFor();
            assert.match((await page.getByTestId('results-scope').textContent()) ?? '', /\S/);
            const rows = page.locator('[data-testid="votes-table"] tbody tr');
            assert.equal(await rows.count(), expected.allocation.lists.length);
            const seatCells = await page
              .locator('[data-testid="votes-table"] td[data-seats]')
              .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-seats'))));
            assert.equal(
              seatCells.reduce((a, b) => a + b, 0),
              expected.rules.seats,
            );
            // The charts are drawn (Observable Plot's SVG), each named for assistive technology.
            assert.equal(await page.locator('.bar-chart[role="img"] svg').count(), 2);
            const firstElected = expected.allocation.lists.find((l) => l.seats > 0);
            assert.ok(firstElected !== undefined);
            assert.equal(
              await page.locator(`[data-testid="elected-${String(firstElected.number)}"] tbody tr`).count(),
              firstElected.seats,
            );
            assert.deepEqual(await axeViolations(page), [], 'results page (default language)');
            await page.evaluate(() => {
              window.localStorage.setItem('isoloir.language', 'nl');
            });
            await page.reload();
            await page.getByRole('heading', { name: 'Zetels per lijst' }).waitFor();
            assert.deepEqual(await axeViolations(page), [], 'results page in Dutch');

            // The operations dashboard after the count, as the organising authority: counts only, axe-clean.
            const po = await testSession(store, { kind: 'official', officialId: 'dev-po-admin' });
            const [name = '', value = ''] = po.headers.cookie.split('=');
            await page.context().addCookies([{ name, value, url }]);
            await page.goto(`${url}/watch/${CHAMBER}`);
            await page.getByTestId('watch-progress').waitFor();
            assert.equal((await get(`/api/watch/${CHAMBER}`)).status, 401, 'the dashboard is not public');
            assert.ok((await page.getByTestId('watch-hours').locator('tbody tr').count()) > 0);
            assert.equal(await page.locator('.bar-chart[role="img"] svg').count(), 1);
            assert.deepEqual(await axeViolations(page), [], 'dashboard');
            await page.goto(`${url}/results/${CHAMBER}/${code}`);
            await page.getByTestId('votes-table').waitFor();

            // A PV no longer final: the constituency's results are refused, and the page says why.
            await store.db
              .updateTable('counting_pvs')
              .set({ final_at: null })
              .where('election_id', '=', CHAMBER)
              .where('constituency_code', '=', code)
              .execute();
            const refused = await get(`/api/results/${CHAMBER}/${code}`);
            assert.equal(refused.status, 409);
            assert.equal((JSON.parse(refused.body) as { code: string }).code, 'results.not-final');
            assert.equal((await get(`/api/results/${CHAMBER}/${code}/open-data/json`)).status, 409);
            await page.reload();
            await page.locator('[data-code="results.not-final"]').waitFor();
            assert.deepEqual(await axeViolations(page), [], 'results refused');
          } finally {
            await browser.close();
            await app.close();
          }
        },
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
);
