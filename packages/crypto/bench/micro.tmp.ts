import { createSecp256k1Mcl } from '../src/group/secp256k1-mcl.ts';
import { createSecp256k1Mcl as oldMcl } from './old-mcl.tmp.ts';
import { randomScalar, bytesToHex } from '../src/group/scalar.ts';
const g = await createSecp256k1Mcl();
const o = await oldMcl();
const q = g.order;
const ks = Array.from({ length: 2000 }, () => randomScalar(q));
// agreement
for (const k of ks.slice(0, 50)) {
  if (bytesToHex(g.encode(g.mulBase(k))) !== bytesToHex(o.encode(o.mulBase(k)))) throw new Error('mulBase');
  const P = g.mulBase(k + 7n);
  if (bytesToHex(g.encode(g.mul(P, k))) !== bytesToHex(o.encode(o.mul(P, k)))) throw new Error('mul');
  const e = g.encode(P); const d = g.decode(e); if (!d || !d.isEqual(P)) throw new Error('decode');
}
const pts = ks.map((k) => g.mulBase(k));
if (bytesToHex(g.encode(g.msm(pts, ks))) !== bytesToHex(o.encode(o.msm(pts, ks)))) throw new Error('msm');
const big = Array.from({ length: 20000 }, (_, i) => pts[i % 2000]!); const bks = Array.from({ length: 20000 }, () => randomScalar(q));
if (bytesToHex(g.encode(g.msm(big, bks))) !== bytesToHex(o.encode(o.msm(big, bks)))) throw new Error('msm big');
const fb = g.fixedBase(pts[3]!); const ofb = o.fixedBase(pts[3]!);
if (bytesToHex(g.encode(fb(ks[9]!))) !== bytesToHex(o.encode(ofb(ks[9]!)))) throw new Error('fixedBase');
if (g.decode(new Uint8Array(33))?.isZero() !== true) throw new Error('zero');
console.log('agree');
function time(name: string, f: () => void, reps: number) { const t = process.threadCpuUsage(); for (let i = 0; i < reps; i++) f(); const u = process.threadCpuUsage(t); const s = (u.user + u.system) / 1e6; console.log(name, Math.round(reps / s), '/s'); }
let i = 0;
time('old mulBase', () => o.mulBase(ks[i++ % 2000]!), 20000);
time('new mulBase', () => g.mulBase(ks[i++ % 2000]!), 20000);
time('old mul', () => o.mul(pts[i++ % 2000]!, ks[i % 2000]!), 3000);
time('new mul', () => g.mul(pts[i++ % 2000]!, ks[i % 2000]!), 3000);
time('old encode', () => o.encode(pts[i++ % 2000]!), 20000);
time('new encode', () => g.encode(pts[i++ % 2000]!), 20000);
const encs = pts.map((p) => g.encode(p));
time('old decode', () => o.decode(encs[i++ % 2000]!), 20000);
time('new decode', () => g.decode(encs[i++ % 2000]!), 20000);
let t = process.threadCpuUsage(); o.msm(big, bks); let u = process.threadCpuUsage(t); console.log("old msm pts/s", Math.round(20000 / ((u.user+u.system) / 1e6)));
t = process.threadCpuUsage(); g.msm(big, bks); u = process.threadCpuUsage(t); console.log("new msm pts/s", Math.round(20000 / ((u.user+u.system) / 1e6)));
