#!/usr/bin/env python3
"""Checks verify.py's cryptography against packages/crypto/test-vectors/vectors.json (PROTOCOL.md §10),
secp256k1 part, and Ed25519 against RFC 8032 §7.1. Prints one line per vector; exit 0 if all hold."""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, HERE)

import isoloir_crypto as ec  # noqa: E402
import verify as vf  # noqa: E402

VECTORS = os.path.join(HERE, '..', '..', 'packages', 'crypto', 'test-vectors', 'vectors.json')


def main():
    with open(VECTORS, encoding='utf-8') as f:
        doc = json.load(f)
    g = next(x for x in doc['groups'] if x['group'] == 'secp256k1')
    results = []

    def check(name, ok):
        results.append(ok)
        print('%s %s' % ('ok  ' if ok else 'FAIL', name))

    h = g['hashing']
    check('hash', ec.H(h['label'], *h['inputs']).hex() == h['hash'])
    check('hash to scalar', '%064x' % ec.Hq(h['label'], *h['inputs']) == h['hashToScalar'])
    he = h['hashToElement']
    check('hash to element', ec.encode_point(ec.hash_to_element(he['label'], *he['inputs'])).hex() == he['element'])
    check('public key', ec.encode_point(ec.g_table().mul(int(g['secretKey'], 16))).hex() == g['publicKey'])

    e = g['encoding']
    elements = [bytes.fromhex(x) for x in e['elements']]
    b = e['ballot']
    expected = ('list', b['list'], b['headBox'], tuple(b['effectives']), tuple(b['substitutes']))
    check('ballot decoding', vf.decode_ballot(e['layout'], elements) == expected)
    check('embedding', [vf.unembed(x).hex() for x in elements] == e['chunks'])

    bp = g['ballotProof']
    ctx = bp['context']
    s = vf.State(ctx['electionId'], 1, 1, e['layout'], 1, None)
    s.pk_bytes = bytes.fromhex(bp['publicKey'])
    cts = [bytes.fromhex(x) for x in bp['ciphertexts']]
    c = int(bp['proof']['challenge'], 16)
    rs = [int(x, 16) for x in bp['proof']['responses']]
    ids = (ctx['constituency'], ctx['voterId'], ctx['ballotId'])
    check('ballot proof', vf.ballot_proof_valid(s, ids, cts, c, rs, 'vector'))
    check('ballot proof, other voter', not vf.ballot_proof_valid(s, (ids[0], 'x', ids[2]), cts, c, rs, 'vector'))
    check(
        'tracking code',
        ec.tracking_code(ctx['electionId'], ctx['constituency'], bp['ciphertexts'], bp['proof']) == bp['trackingCode'],
    )

    sc = g['schnorr']
    X = vf.point(sc['publicKey'], 'vector')
    c, r = int(sc['challenge'], 16), int(sc['response'], 16)
    check('schnorr', vf.schnorr_valid(sc['label'], sc['context'], X, c, r))
    check('schnorr, other context', not vf.schnorr_valid(sc['label'], sc['context'] + [1], X, c, r))

    cp = g['chaumPedersen']
    s = vf.State(cp['context']['electionId'], 1, 3, e['layout'], 1, None)
    vk = vf.point(cp['verificationKey'], 'vector')
    cts = [[bytes.fromhex(x) for x in row] for row in cp['ciphertexts']]
    shares = [[bytes.fromhex(x) for x in row] for row in cp['shares']]
    c, r = int(cp['challenge'], 16), int(cp['response'], 16)
    gid = cp['context']['groupId']
    check('chaum-pedersen', vf.partial_valid(s, gid, cp['trustee'], vk, cts, shares, c, r))
    check('chaum-pedersen, other trustee', not vf.partial_valid(s, gid, 1, vk, cts, shares, c, r))

    sh = g['shuffle']
    p = sh['payload']
    st = {
        'electionId': sh['context']['electionId'],
        'groupId': sh['context']['groupId'],
        'mixNode': sh['context']['mixNode'],
        'pk': bytes.fromhex(sh['publicKey']),
    }
    inputs = [[bytes.fromhex(x) for x in row] for row in sh['inputs']]
    outputs = [[bytes.fromhex(x) for x in row] for row in p['outputs']]
    check('shuffle', vf.verify_shuffle(st, inputs, outputs, p['proof'], 'vector') is None)
    swapped = [outputs[1], outputs[0]] + outputs[2:]
    check('shuffle, outputs swapped', vf.verify_shuffle(st, inputs, swapped, p['proof'], 'vector') is not None)

    bd = g['board']
    check('key fingerprint', ec.key_fingerprint(bytes.fromhex(g['publicKey'])) == bd['keyFingerprint'])
    for hd in bd['heads']:
        digest = ec.board_head_hash(
            hd['electionId'], hd['seq'], hd['kind'], hd['previous'], hd['publishedAt'], hd['keyFingerprint'],
            hd['total'], hd['trackingCodes'],
        )
        check('board head %d' % hd['seq'], digest == hd['hash'])

    # Both multi-scalar multiplications (Straus for small sums, Pippenger for large ones) against each other and a plain sum.
    import random

    rnd = random.Random(20)
    pts = [ec.g_table().mul(rnd.randrange(ec.N)) for _ in range(1200)] + [None]
    ks = [rnd.randrange(ec.N) for _ in range(1200)] + [5]
    ks[7] = 0
    big = ec.msm(pts, ks)
    check('msm, Pippenger = Straus', big == ec.to_affine(ec._straus([(p, k) for p, k in zip(pts, ks) if p and k])))
    plain = None
    for p_, k in zip(pts[:20], ks[:20]):
        plain = ec.add(plain, ec.mul(p_, k))
    check('msm, Straus = one product at a time', ec.msm(pts[:20], ks[:20]) == plain)

    # RFC 8032 §7.1, tests 1 and 2.
    for pub, msg, sig in (
        (
            'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
            '',
            'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
        ),
        (
            '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
            '72',
            '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
        ),
    ):
        check('ed25519 RFC 8032', ec.ed25519_verify(bytes.fromhex(pub), bytes.fromhex(msg), bytes.fromhex(sig)))
        check('ed25519 RFC 8032, other message', not ec.ed25519_verify(bytes.fromhex(pub), b'x', bytes.fromhex(sig)))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
