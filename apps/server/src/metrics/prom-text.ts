// A strict reader of the Prometheus text exposition format 0.0.4, written from the format's
// specification (prometheus.io, "Exposition formats"), for the tests of /metrics: it refuses what
// the specification does not allow instead of guessing. Not used to serve anything.
//   # HELP <name> <docstring>          (escapes \\ and \n)
//   # TYPE <name> counter|gauge|histogram|summary|untyped   (once, before the family's samples)
//   <name>{<label>="<value>",...} <float> [<timestamp ms>]  (label value escapes \\ \" \n)
// One family's lines are contiguous; no series twice; a histogram's buckets carry `le`, are
// cumulative, end with le="+Inf" equal to `_count`, and have a `_sum`.

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Family {
  readonly name: string;
  readonly help: string | undefined;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  readonly samples: Sample[];
}

const METRIC = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const SAMPLE = new RegExp(`^(${METRIC})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const PAIR = new RegExp(`^(${LABEL})="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`);
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function fail(line: number, why: string): never {
  throw new Error(`line ${String(line)}: ${why}`);
}

function parseValue(text: string, line: number): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) fail(line, `not a float: ${text}`);
  return Number(text);
}

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const m = PAIR.exec(rest);
    if (m === null) fail(line, `bad label pair at: ${rest}`);
    const [whole, name = '', raw = ''] = m;
    if (name in labels) fail(line, `label ${name} twice`);
    if (name.startsWith('__')) fail(line, `reserved label name ${name}`);
    labels[name] = raw.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(whole.length);
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (rest !== '') fail(line, `expected , between labels at: ${rest}`);
  }
  return labels;
}

/** The family a sample name belongs to (histogram and summary suffixes). */
function familyOf(name: string, families: ReadonlyMap<string, Family>): Family | undefined {
  for (const suffix of ['_bucket', '_sum', '_count', '']) {
    if (!name.endsWith(suffix)) continue;
    const f = families.get(name.slice(0, name.length - suffix.length));
    if (f !== undefined && (suffix === '' || f.type === 'histogram' || (f.type === 'summary' && suffix !== '_bucket')))
      return f;
  }
  return undefined;
}

export function parsePrometheusText(text: string): Map<string, Family> {
  if (text !== '' && !text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const families = new Map<string, Family>();
  const closed = new Set<string>();
  const seen = new Set<string>();
  let current: Family | undefined;
  const lines = text.split('\n').slice(0, -1);
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    if (raw.trim() === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(raw);
    if (meta !== null) {
      const [, kind = '', name = '', rest = ''] = meta;
      if (!new RegExp(`^${METRIC}$`).test(name)) fail(n, `bad metric name ${name}`);
      if (closed.has(name)) fail(n, `family ${name} is not contiguous`);
      let f = families.get(name);
      if (f !== undefined && f.samples.length > 0) fail(n, `${kind} after the samples of ${name}`);
      if (f === undefined) {
        f = { name, help: undefined, type: 'untyped', samples: [] };
        families.set(name, f);
      }
      if (current !== undefined && current !== f) closed.add(current.name);
      current = f;
      if (kind === 'HELP') {
        if (f.help !== undefined) fail(n, `HELP twice for ${name}`);
        families.set(
          name,
          (current = { ...f, help: rest.replace(/\\([\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c)) }),
        );
      } else {
        if (!TYPES.has(rest)) fail(n, `bad type ${rest}`);
        families.set(name, (current = { ...f, type: rest as Family['type'] }));
      }
      continue;
    }
    if (raw.startsWith('#')) continue; // a comment
    const m = SAMPLE.exec(raw);
    if (m === null) fail(n, `not a sample line: ${raw}`);
    const [, name = '', labelText, valueText = ''] = m;
    const labels = parseLabels(labelText ?? '', n);
    const f = familyOf(name, families) ?? current;
    if (f === undefined || familyOf(name, families) === undefined) fail(n, `sample ${name} without its TYPE`);
    if (closed.has(f.name)) fail(n, `family ${f.name} is not contiguous`);
    if (current !== undefined && current !== f) closed.add(current.name);
    current = f;
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(key)) fail(n, `series twice: ${key}`);
    seen.add(key);
    f.samples.push({ name, labels, value: parseValue(valueText, n) });
  }
  for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

function checkHistogram(f: Family): void {
  const series = new Map<string, { buckets: [number, number][]; sum?: number; count?: number }>();
  for (const s of f.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const h = series.get(key) ?? { buckets: [] };
    series.set(key, h);
    if (s.name === `${f.name}_bucket`) {
      if (le === undefined) throw new Error(`${f.name}: a bucket without le`);
      h.buckets.push([le === '+Inf' ? Infinity : Number(le), s.value]);
    } else if (s.name === `${f.name}_sum`) h.sum = s.value;
    else if (s.name === `${f.name}_count`) h.count = s.value;
    else throw new Error(`${f.name}: unexpected sample ${s.name}`);
  }
  for (const [key, h] of series) {
    const last = h.buckets.at(-1);
    if (last === undefined || last[0] !== Infinity) throw new Error(`${f.name}${key}: no le="+Inf" bucket last`);
    if (h.sum === undefined || h.count !== last[1]) throw new Error(`${f.name}${key}: _count ≠ +Inf bucket or no _sum`);
    for (let i = 1; i < h.buckets.length; i++) {
      const [a, x] = h.buckets[i - 1] ?? [0, 0];
      const [b, y] = h.buckets[i] ?? [0, 0];
      if (!(a < b) || y < x) throw new Error(`${f.name}${key}: buckets not increasing and cumulative`);
    }
  }
}
