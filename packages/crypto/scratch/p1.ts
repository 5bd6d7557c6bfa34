import * as mcl from 'mcl-wasm';
import { secp256k1 } from '@noble/curves/secp256k1.js';
await mcl.init(mcl.SECP256K1);
const g = mcl.getBasePointG1();
const ser = g.serialize();
console.log('ser len', ser.length, Buffer.from(ser).toString('hex'));
console.log('noble G', Buffer.from(secp256k1.Point.BASE.toBytes(true)).toString('hex'));
console.log('getStr16', g.getStr(16));
const fr = new mcl.Fr(); fr.setByCSPRNG();
let p = mcl.mul(g, fr);
let t = performance.now(); const N=2000;
for (let i=0;i<N;i++){ p = mcl.mul(p, fr); }
console.log('mul/s', N/((performance.now()-t)/1000));
t = performance.now();
for (let i=0;i<100000;i++){ p = mcl.add(p, g); }
console.log('add/s', 100000/((performance.now()-t)/1000));
const pts: mcl.G1[] = []; const frs: mcl.Fr[] = [];
for (let i=0;i<4096;i++){ const f=new mcl.Fr(); f.setByCSPRNG(); frs.push(f); pts.push(mcl.mul(g,f)); }
t = performance.now(); for(let k=0;k<4096;k+=512) mcl.mulVec(pts.slice(k,k+512), frs.slice(k,k+512)); console.log('msm pts/s', 4096/((performance.now()-t)/1000));
t = performance.now(); for (let i=0;i<2000;i++){ mcl.mulVec([pts[i]!, g], [frs[i]!, fr]); } console.log('msm2/s', 2000/((performance.now()-t)/1000));
t = performance.now(); for (let i=0;i<4000;i++){ const q = new mcl.G1(); q.deserialize(pts[i]!.serialize()); } console.log('ser+deser/s', 4000/((performance.now()-t)/1000));
t = performance.now(); for (let i=0;i<20000;i++){ const f = new mcl.Fr(); f.setBigEndianMod(new Uint8Array(32).fill(i&255)); } console.log('fr set/s', 20000/((performance.now()-t)/1000));
const q = pts[5]!; console.log(Object.keys(q), (q as unknown as {a_: Uint32Array}).a_.length);
// check the infinity serialization
const z = new mcl.G1(); console.log('zero ser', Buffer.from(z.serialize()).toString('hex'));
// noble speed
const P = secp256k1.Point.BASE.multiply(12345n);
t = performance.now(); for (let i=0;i<300;i++){ P.multiply(0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdefn); } console.log('noble secp mul/s', 300/((performance.now()-t)/1000));
for (let i=0;i<50;i++){ const s = BigInt(i*7919+3)**20n % secp256k1.Point.Fn.ORDER; const f = new mcl.Fr(); f.setStr(s.toString(16),16); const m = mcl.mul(g,f).serialize(); const n = secp256k1.Point.BASE.multiply(s).toBytes(true);
 const conv = new Uint8Array(33); conv[0]=m[0]!; for(let j=0;j<32;j++) conv[1+j]=m[32-j]!; if (Buffer.compare(Buffer.from(conv), Buffer.from(n))!==0) console.log('mismatch', i, Buffer.from(m).toString('hex'), Buffer.from(n).toString('hex')); }
console.log('conv checked');
for (const c of [256, 512, 1024, 2048]) { t = performance.now(); for(let k=0;k<4096;k+=c) mcl.mulVec(pts.slice(k,k+c), frs.slice(k,k+c)); console.log('msm chunk', c, 4096/((performance.now()-t)/1000)); }
