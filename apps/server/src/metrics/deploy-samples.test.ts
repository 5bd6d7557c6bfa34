// The samples in deploy/ (alert rules, Grafana dashboard) name only metrics the server exposes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Store } from '@isoloir/store';
import { createMetrics } from './registry.ts';

const DEPLOY = new URL('../../../../deploy/', import.meta.url);

test('deploy/ alert rules and dashboard use the exposed metric names', () => {
  // The registry is only built here: no gauge is collected, so the store is never read.
  const exposed = new Set(
    createMetrics({} as Store)
      .registry.getMetricsAsArray()
      .map((m) => m.name),
  );
  for (const file of ['prometheus/isoloir-alerts.yml', 'grafana/isoloir-dashboard.json']) {
    const text = readFileSync(new URL(file, DEPLOY), 'utf8');
    const names = new Set([...text.matchAll(/isoloir_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|sum|count)$/, '')));
    assert.ok(names.size >= 4, file);
    for (const name of names) assert.ok(exposed.has(name), `${file}: ${name} is not exposed`);
  }
  const alerts = readFileSync(new URL('prometheus/isoloir-alerts.yml', DEPLOY), 'utf8');
  for (const alert of ['IsoloirCastLatencyP99High', 'IsoloirErrorRateHigh', 'IsoloirDatabaseDown'])
    assert.ok(alerts.includes(`alert: ${alert}`), alert);
});
