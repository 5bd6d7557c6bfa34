// Where a V8 CPU profile's time went (`node --cpu-prof`, or `isoloir bench cast --cpu-prof FILE`):
// self time by area (a package, Node's internals, a folder of this repository, the garbage
// collector, idle) and by function, in ms and per unit of work when `--per N` is given (N casts).
// `--under f,g` adds the inclusive time of the calls of functions named f, g (everything below them).
//   node scripts/cpu-profile-summary.ts FILE [--per N] [--top K] [--under NAME,NAME]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: number[];
}

interface Profile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

function areaOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native) ' + name;
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module !== null) return module[1] ?? url;
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').replace(/\/[^/]*$/, '');
  const repo = /\/(apps\/[^/]+\/src\/[^/]+|packages\/[^/]+\/src\/[^/]+)/.exec(url);
  return repo?.[1] ?? url;
}

const args = process.argv.slice(2);
const file = args[0];
if (file === undefined) throw new Error('usage: cpu-profile-summary.ts FILE [--per N] [--top K]');
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const per = flag('--per', 0);
const top = flag('--top', 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const areas = new Map<string, number>();
const functions = new Map<string, number>();
let total = 0;
for (const [id, ms] of self) {
  const node = byId.get(id);
  if (node === undefined) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  total += ms;
  const area = areaOf(url, functionName);
  areas.set(area, (areas.get(area) ?? 0) + ms);
  const fn = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|apps|packages)\//, '$1/')}:${String(lineNumber + 1)}`;
  functions.set(fn, (functions.get(fn) ?? 0) + ms);
}
const print = (title: string, rows: Map<string, number>): void => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, ms] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const share = ((100 * ms) / total).toFixed(1).padStart(5);
    const unit = per > 0 ? `${((1000 * ms) / per).toFixed(1).padStart(7)} µs/unit` : '';
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${share} % ${unit}  ${key}\n`);
  }
};
const under = args.includes('--under') ? (args[args.indexOf('--under') + 1] ?? '').split(',') : [];
if (under.length > 0) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>(under.map((name) => [name, 0]));
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? '';
      if (inclusive.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
  }
  print('inclusive time under', inclusive);
}
process.stdout.write(`total ${total.toFixed(0)} ms sampled${per > 0 ? `, ${String(per)} units` : ''}\n`);
print('self time by area', areas);
print('self time by function', functions);
