import { ristretto255 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { pippenger } from '@noble/curves/abstract/curve.js';
const R = ristretto255.Point;
console.log(Object.getOwnPropertyNames(R), R.Fn.ORDER);
const P = R.BASE.multiply(12345n);
let t = performance.now(); for (let i=0;i<300;i++){ P.multiply(0x0234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdefn); } console.log('noble rist mul/s', 300/((performance.now()-t)/1000));
t = performance.now(); for (let i=0;i<300;i++){ R.BASE.multiply(0x0234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdefn+BigInt(i)); } console.log('noble rist base mul/s', 300/((performance.now()-t)/1000));
const pts = []; const sc=[]; for (let i=0;i<2000;i++){ pts.push(R.BASE.multiply(BigInt(i+1))); sc.push(0x0234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdefn+BigInt(i)); }
t = performance.now(); pippenger(R as any, pts, sc); console.log('noble rist msm pts/s', 2000/((performance.now()-t)/1000));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(P)));
console.log(R.ZERO.toBytes());
try { console.log(secp256k1.Point.ZERO.toBytes(true)); } catch (e) { console.log('zero throws', (e as Error).message); }
