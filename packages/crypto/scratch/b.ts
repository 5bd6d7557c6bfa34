import { runCryptoBench } from '../bench/bench-crypto.ts';
import { verifyShuffleProof } from '../../verifier/src/check-shuffle.ts';
import { loadGroup } from '../src/group/load-group.ts';
const g = await loadGroup('secp256k1');
const r = await runCryptoBench({ ciphertexts: Number(process.argv[2] ?? 2000), width: 1, progress: (m) => console.error(m),
  verifyShuffle: (i, o, proof, pk, node) => verifyShuffleProof(g, { electionId: 'bench', groupId: 'g', mixNode: node, pk }, i, o, proof, 'bench') === undefined });
console.log(JSON.stringify(r));
