#!/usr/bin/env python3
"""A second, independent verifier of an isoloir election record (format isoloir-record/2).

    python3 verifiers/python/verify.py RECORD [--pv DIR] [--head HASH] [--board-key HEX]

Written from packages/crypto/PROTOCOL.md and the record format alone, in Python 3 with the
standard library only; no code, language or library in common with @isoloir/verifier. Exit 0 when
every check holds ("OK: …"), 1 when one fails ("FAILED <check> at <location>: <why>", the same
check names as `isoloir verify`), 2 when the record or a PV cannot be read. See README.md.
"""

import json
import os
import re
import secrets
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import isoloir_crypto as ec  # noqa: E402

RECORD_FORMAT = 'isoloir-record/2'
N = ec.N


class CheckFailed(Exception):
    def __init__(self, check, location, message):
        super().__init__(message)
        self.check = check
        self.location = location
        self.message = message


def fail(check, location, message):
    raise CheckFailed(check, location, message)


def ensure(cond, check, location, message):
    if not cond:
        raise CheckFailed(check, location, message)


# ---------------------------------------------------------------------------------------------
# JSON values: integers are JSON numbers with an integral value (as JavaScript reads them).

MAX_SAFE = 2**53 - 1


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool) and -MAX_SAFE <= v <= MAX_SAFE


def is_obj(v):
    return isinstance(v, dict)


def parse_constant(s):
    raise ValueError('%s is not JSON' % s)


def parse_float(s):
    f = float(s)
    if f.is_integer() and abs(f) <= MAX_SAFE:
        return int(f)
    return f


def describe(v):
    if v is None:
        return 'null'
    if isinstance(v, list):
        return 'an array'
    if isinstance(v, bool):
        return 'boolean'
    if isinstance(v, (int, float)):
        return 'number'
    if isinstance(v, str):
        return 'string'
    return 'object'


# ---------------------------------------------------------------------------------------------
# The strict schema of every payload (PROTOCOL.md §8): exactly these fields, of these types.

HEX_RE = re.compile(r'[0-9a-f]*\Z')
S, I, B, X = 'string', 'int', 'bool', 'hex'


def E(*values):
    return ('enum', values)


def NUL(shape):
    return ('nullable', shape)


def A(shape):
    return ('array', shape)


def M(shape):
    return ('map', shape)


def O(**fields):
    return ('object', fields)


def ONE(tag, *variants):
    return ('oneOf', tag, variants)


HEXES = A(X)
ROWS = A(HEXES)
SCHNORR = O(challenge=X, response=X)
INTS = A(I)

DECODED_BALLOT = ONE(
    'kind',
    O(kind=E('blank')),
    O(kind=E('list'), list=I, headBox=B, effectives=INTS, substitutes=INTS),
    O(kind=E('invalid'), reason=S),
)
LEGAL_COUNTS = O(
    ballots=I,
    valid=I,
    blank=I,
    invalid=I,
    invalidByRule=M(I),
    lists=A(O(number=I, B=I, C=I, D=I, E=I, total=I, effectives=INTS, substitutes=INTS)),
)


def _post(kind, payload):
    return O(seq=I, trustee=I, kind=E(kind), signature=X, payload=payload)


PAYLOADS = {
    'parameters': O(
        electionId=S,
        group=S,
        threshold=I,
        trustees=I,
        layout=O(maxListNumber=I, maxEffectives=I, maxSubstitutes=I),
        width=I,
    ),
    'election': O(
        anonymityMinimum=I,
        constituencies=A(
            O(code=S, seats=I, lists=A(O(number=I, name=S, effectives=A(S), substitutes=A(S))))
        ),
    ),
    'roll': O(
        constituency=S,
        mode=E('online', 'kiosk'),
        category=E('belgium', 'abroad'),
        voters=I,
        root=X,
        ids=A(S),
        publishedAt=S,
    ),
    'period': O(mode=E('online', 'kiosk'), opensAt=NUL(S), closesAt=NUL(S), openedAt=NUL(S), closedAt=NUL(S)),
    'board-head': O(
        seq=I,
        kind=E('opening', 'periodic', 'closing'),
        previous=X,
        publishedAt=S,
        keyFingerprint=X,
        total=I,
        trackingCodes=HEXES,
        hash=X,
        keyId=X,
        signingKey=X,
        signature=X,
    ),
    'ceremony': O(
        format=E('isoloir-ceremony/1'),
        electionId=S,
        group=S,
        threshold=I,
        trustees=I,
        registrations=A(O(trustee=I, signingKey=X, encryptionKey=X, signature=X)),
        posts=A(
            ONE(
                'kind',
                _post(
                    'dealing',
                    O(commitments=HEXES, proof=SCHNORR, shares=A(O(to=I, ephemeralKey=X, iv=X, ciphertext=X))),
                ),
                _post('checked', O(complaints=INTS)),
                _post('answer', O(revealed=A(O(to=I, share=X)))),
                _post('verification-key', O(verificationKey=X, proof=SCHNORR)),
            )
        ),
        qualified=NUL(INTS),
        publicKey=NUL(X),
    ),
    'dealer': O(dealer=I, commitments=HEXES, proof=SCHNORR),
    'complaint': O(by=I, against=I, revealed=NUL(X)),
    'key': O(qualified=INTS, publicKey=X, trustees=A(O(trustee=I, verificationKey=X, proof=SCHNORR))),
    'ballot': O(
        groupId=S,
        constituency=S,
        voterId=S,
        ballotId=S,
        sequence=I,
        receivedAt=S,
        ciphertexts=HEXES,
        proof=O(challenge=X, responses=HEXES),
    ),
    'attendance': O(station=S, sha256=X, voters=I, root=X, ids=A(S)),
    'cancellation': ONE(
        'reason',
        O(groupId=S, ballotId=S, reason=E('superseded'), evidence=O(laterBallotId=S)),
        O(groupId=S, ballotId=S, reason=E('voted-at-polling-station'), evidence=O(station=S)),
        O(
            groupId=S,
            ballotId=S,
            reason=E('french-language-group'),
            evidence=O(electionId=S, ballotId=S, constituency=S, receivedAt=S),
        ),
    ),
    'group-input': O(groupId=S, members=A(S), ciphertexts=ROWS),
    'withheld': O(
        groupId=S,
        constituency=S,
        members=A(S),
        size=I,
        minimum=I,
        reason=E('below-minimum-anonymity-set'),
        ballots=A(S),
    ),
    'shuffle': O(
        groupId=S,
        mixNode=I,
        trustee=I,
        signature=NUL(X),
        outputs=ROWS,
        proof=O(
            commitments=HEXES,
            chain=HEXES,
            t1=X,
            t2=X,
            t3=X,
            t4=ROWS,
            tHat=HEXES,
            s1=X,
            s2=X,
            s3=X,
            s4=HEXES,
            sHat=HEXES,
            sPrime=HEXES,
        ),
    ),
    'partial-decryption': O(groupId=S, trustee=I, signature=NUL(X), shares=ROWS, proof=SCHNORR),
    'decryption': O(groupId=S, trustees=INTS, plaintexts=ROWS, ballots=A(DECODED_BALLOT)),
    'counts': O(groupId=S, counts=LEGAL_COUNTS),
    'hybrid-receipt-log': O(
        constituency=S,
        category=E('belgium', 'abroad'),
        envelopes=A(
            O(
                kcodeHash=NUL(X),
                receivedAt=S,
                decision=E('accepted', 'set-aside', 'cancelled'),
                reason=NUL(S),
                box=NUL(E('belgium', 'abroad')),
                order=NUL(I),
            )
        ),
    ),
    'hybrid-count': O(
        constituency=S,
        category=E('belgium', 'abroad'),
        ballots=A(
            O(
                **{'class': E('valid', 'blank', 'invalid')},
                rule=NUL(S),
                list=NUL(I),
                effectives=INTS,
                substitutes=INTS,
            )
        ),
        counts=LEGAL_COUNTS,
        explanation=NUL(S),
    ),
}


def check_shape(v, shape, where):
    def bad(what):
        fail('schema', where, 'expected %s, found %s' % (what, describe(v)))

    if shape == S:
        if not isinstance(v, str):
            bad('a string')
    elif shape == I:
        if not is_int(v) or v < 0:
            bad('a non-negative integer')
    elif shape == B:
        if not isinstance(v, bool):
            bad('a boolean')
    elif shape == X:
        if not isinstance(v, str) or not HEX_RE.match(v):
            bad('lowercase hex')
    elif shape[0] == 'enum':
        if not isinstance(v, str) or v not in shape[1]:
            bad('one of ' + ', '.join(shape[1]))
    elif shape[0] == 'nullable':
        if v is not None:
            check_shape(v, shape[1], where)
    elif shape[0] == 'array':
        if not isinstance(v, list):
            bad('an array')
        for i, x in enumerate(v):
            check_shape(x, shape[1], '%s[%d]' % (where, i))
    elif shape[0] == 'map':
        if not is_obj(v):
            bad('an object')
        for k, x in v.items():
            check_shape(x, shape[1], '%s.%s' % (where, k))
    elif shape[0] == 'object':
        check_object(v, shape[1], where)
    else:
        _, tag, variants = shape
        if not is_obj(v):
            bad('an object')
        t = v.get(tag)
        for var in variants:
            ts = var[1][tag]
            if isinstance(t, str) and t in ts[1]:
                check_object(v, var[1], where)
                return
        fail('schema', '%s.%s' % (where, tag), 'unknown %s %s' % (tag, json.dumps(t)))


def check_object(v, fields, where):
    if not is_obj(v):
        fail('schema', where, 'expected an object, found %s' % describe(v))
    for k in v:
        if k not in fields:
            fail('schema', '%s.%s' % (where, k), 'unknown field %s' % k)
    for k, s in fields.items():
        if k not in v:
            fail('schema', where, 'missing field %s' % k)
        check_shape(v[k], s, '%s.%s' % (where, k))


# ---------------------------------------------------------------------------------------------
# Reading values: bytes, scalars and elements (PROTOCOL.md §1); a malformed one fails `format`.


def to_bytes(v, loc):
    if not isinstance(v, str) or len(v) % 2 != 0 or not HEX_RE.match(v):
        fail('format', loc, 'expected lowercase hex')
    return bytes.fromhex(v)


SCALAR_RE = re.compile(r'[0-9a-f]{64}\Z')


def scalar(v, loc):
    if not isinstance(v, str) or not SCALAR_RE.match(v):
        fail('format', loc, 'expected a 32-byte scalar')
    k = int(v, 16)
    if k >= N:
        fail('format', loc, 'scalar not reduced')
    return k


_POINTS = {}


def decode(b):
    """(ok, point) with a cache: elements come back in several entries (outputs → next inputs)."""
    r = _POINTS.get(b)
    if r is None:
        r = ec.decode_point(b)
        if len(_POINTS) < 2_000_000:
            _POINTS[b] = r
    return r


def point(v, loc):
    ok, pt = decode(to_bytes(v, loc))
    if not ok:
        fail('format', loc, 'not a group element')
    return pt


def rows_bytes(v, where, label):
    return [[to_bytes(b, '%s %s#%d' % (where, label, i)) for b in row] for i, row in enumerate(v)]


# ---------------------------------------------------------------------------------------------
# Times: ISO 8601 UTC, YYYY-MM-DDTHH:MM:SS(.s{1,3})?Z, read as ECMAScript's Date.parse reads them.

ISO_RE = re.compile(r'([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,3}))?Z\Z')


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def iso_ms(s):
    """Milliseconds since the epoch, or None. As Date.parse: a day 1–31 in any month rolls over,
    24:00:00(.000) is the next midnight."""
    if not isinstance(s, str):
        return None
    m = ISO_RE.match(s)
    if m is None:
        return None
    y, mo, d, h, mi, sec = (int(m.group(i)) for i in range(1, 7))
    frac = m.group(7) or ''
    ms = int((frac + '00')[:3]) if frac else 0
    if not (1 <= mo <= 12 and 1 <= d <= 31 and mi <= 59 and sec <= 59):
        return None
    if h > 24 or (h == 24 and (mi or sec or ms)):
        return None
    days = _days_from_civil(y, mo, 1) + d - 1
    return ((days * 24 + h) * 60 + mi) * 60000 + sec * 1000 + ms


def is_iso(s):
    return iso_ms(s) is not None


# ---------------------------------------------------------------------------------------------
# Ballot format 1 (PROTOCOL.md §3, §4).

CHUNK = 28


def width_of(layout):
    length = 5 + (layout['maxEffectives'] + 7) // 8 + (layout['maxSubstitutes'] + 7) // 8
    return max(1, (length + CHUNK - 1) // CHUNK)


def unembed(enc):
    if len(enc) == 33 and enc[0] == 2 and enc[1] == 0:
        return enc[2:30]
    return None


def _positions(data, offset, maximum):
    out = []
    for i in range(((maximum + 7) // 8) * 8):
        if (data[offset + i // 8] >> (i % 8)) & 1:
            if i >= maximum:
                return None
            out.append(i + 1)
    return out


def decode_ballot(layout, elements):
    """The decoded ballot, or ('invalid', reason) — the reasons of PROTOCOL.md §4, in its order."""
    if len(elements) != width_of(layout):
        return ('invalid', 'width')
    chunks = [unembed(e) for e in elements]
    if any(c is None for c in chunks):
        return ('invalid', 'not-an-embedding')
    data = b''.join(chunks)
    e_bytes = (layout['maxEffectives'] + 7) // 8
    used = 5 + e_bytes + (layout['maxSubstitutes'] + 7) // 8
    if any(data[used:]):
        return ('invalid', 'padding')
    if data[0] != 1:
        return ('invalid', 'version')
    if data[1] == 0:
        if any(data[1:used]):
            return ('invalid', 'blank-with-marks')
        return ('blank',)
    if data[1] != 1:
        return ('invalid', 'kind')
    number = data[2] * 256 + data[3]
    if number < 1 or number > layout['maxListNumber']:
        return ('invalid', 'list-number')
    if data[4] not in (0, 1):
        return ('invalid', 'head-box')
    eff = _positions(data, 5, layout['maxEffectives'])
    if eff is None:
        return ('invalid', 'effective-position')
    sub = _positions(data, 5 + e_bytes, layout['maxSubstitutes'])
    if sub is None:
        return ('invalid', 'substitute-position')
    return ('list', number, data[4] == 1, tuple(eff), tuple(sub))


def published_ballot(o):
    k = o['kind']
    if k == 'list':
        return ('list', o['list'], o['headBox'], tuple(o['effectives']), tuple(o['substitutes']))
    if k == 'invalid':
        return ('invalid', o['reason'])
    return ('blank',)


def show_ballot(t):
    return json.dumps(list(t), separators=(',', ':'))


# ---------------------------------------------------------------------------------------------
# The legal count (PROTOCOL.md §8.1; Code électoral art. 156, 159, 161, 166).


def classify(constituency, d):
    # A hybrid box's paper ballot set aside by the office under a rule of art. 156 §2 (its paper).
    if d[0] == 'ruled':
        return ('rule', d[1])
    if d[0] == 'invalid':
        return ('rule', 'ballot.malformed')
    if d[0] == 'blank':
        return ('blank',)
    _, number, head, eff, sub = d
    if (1 if head else 0) + len(eff) + len(sub) == 0:
        return ('blank',)
    lst = constituency['lists'].get(number)
    if lst is None:
        return ('rule', 'ballot.unknown-list')
    if any(p < 1 or p > len(lst['effectives']) for p in eff) or any(p < 1 or p > len(lst['substitutes']) for p in sub):
        return ('rule', 'ballot.unknown-candidate')
    if not eff:
        category = 'B' if not sub else 'E'
    else:
        category = 'C' if not sub else 'D'
    return ('list', number, category)


def legal_count(constituency, decoded):
    out = {'ballots': 0, 'valid': 0, 'blank': 0, 'invalid': 0, 'invalidByRule': {}, 'lists': []}
    rows = {}
    for number in sorted(constituency['lists']):
        lst = constituency['lists'][number]
        row = {
            'number': number,
            'B': 0,
            'C': 0,
            'D': 0,
            'E': 0,
            'total': 0,
            'effectives': [0] * len(lst['effectives']),
            'substitutes': [0] * len(lst['substitutes']),
        }
        rows[number] = row
        out['lists'].append(row)
    for d in decoded:
        out['ballots'] += 1
        v = classify(constituency, d)
        if v[0] == 'blank':
            out['blank'] += 1
        elif v[0] == 'rule':
            out['invalid'] += 1
            out['invalidByRule'][v[1]] = out['invalidByRule'].get(v[1], 0) + 1
        else:
            row = rows[v[1]]
            out['valid'] += 1
            row[v[2]] += 1
            row['total'] += 1
            for p in d[3]:
                row['effectives'][p - 1] += 1
            for p in d[4]:
                row['substitutes'][p - 1] += 1
    return out


MISSING = object()


def same_value(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if a is MISSING or b is MISSING:
        return False
    return type(a) is type(b) and a == b


def first_difference(a, b, path):
    """Path of the first difference between two JSON values (key order ignored), or None."""
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return path + '.length'
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, '%s[%d]' % (path, i))
            if d is not None:
                return d
        return None
    if is_obj(a) and is_obj(b):
        ka = sorted(a, key=ec._utf16_key)
        kb = sorted(b, key=ec._utf16_key)
        if ka != kb:
            return '%s (fields %s instead of %s)' % (path, ','.join(kb), ','.join(ka))
        for k in ka:
            d = first_difference(a[k], b[k], '%s.%s' % (path, k))
            if d is not None:
                return d
        return None
    return None if same_value(a, b) else path


# ---------------------------------------------------------------------------------------------
# Proofs (PROTOCOL.md §5, §6, §7).

LABEL_BALLOT = 'isoloir/v1/ballot-proof'
LABEL_DEALER = 'isoloir/v1/dkg-coefficient'
LABEL_TRUSTEE_KEY = 'isoloir/v1/trustee-key'


def enc(pt):
    return ec.encode_point(pt)


def schnorr_valid(label, context, X, c, s):
    """§7: t = s·G − c·X; accept iff c = H_q(label, group, context, Enc(G), Enc(X), Enc(t))."""
    t = ec.to_affine(ec.jadd(ec.g_table().jmul(s), ec.jmul(X, N - c) if X is not None and c else ec.INF))
    return ec.Hq(label, ec.GROUP_NAME, context, enc(ec.G), enc(X), enc(t)) == c


def image(commitments, j):
    """Σₖ jᵏ·Cₖ"""
    scalars = [pow(j, k, N) for k in range(len(commitments))]
    return ec.msm(commitments, scalars)


def lagrange(indices, i):
    num, den = 1, 1
    for j in indices:
        if j == i:
            continue
        num = num * j % N
        den = den * (j - i) % N
    return num * pow(den, -1, N) % N


def random128():
    return secrets.randbits(128)


def verify_shuffle(st, inputs, outputs, proof, loc):
    """§6.2: None if the proof holds, otherwise why not. The five groups of equations are checked at
    once as Σ γ·(rhs − lhs) = O with this verifier's own random 128-bit weights γ."""
    raw = lambda key: [to_bytes(v, '%s %s[%d]' % (loc, key, i)) for i, v in enumerate(proof[key])]  # noqa: E731
    scs = lambda key: [scalar(v, '%s %s[%d]' % (loc, key, i)) for i, v in enumerate(proof[key])]  # noqa: E731
    commitments = raw('commitments')
    chain = raw('chain')
    t_hat = raw('tHat')
    t1 = to_bytes(proof['t1'], loc)
    t2 = to_bytes(proof['t2'], loc)
    t3 = to_bytes(proof['t3'], loc)
    t4 = [[to_bytes(v, loc) for v in pair] for pair in proof['t4']]
    s1 = scalar(proof['s1'], loc)
    s2 = scalar(proof['s2'], loc)
    s3 = scalar(proof['s3'], loc)
    s4 = scs('s4')
    s_hat = scs('sHat')
    s_prime = scs('sPrime')
    n = len(inputs)
    width = len(inputs[0]) // 2 if inputs else 0
    if (
        any(len(a) != n for a in (commitments, chain, t_hat, s_hat, s_prime))
        or len(t4) != width
        or len(s4) != width
        or any(len(p) != 2 for p in t4)
    ):
        return 'proof-shape'
    if n == 0 or len(outputs) != n or any(len(ct) != 2 * width for ct in outputs + inputs):
        return 'ciphertext-shape'
    H0 = ec.h0()

    # σ, u and c exactly as §6.1 steps 3 and 7.
    sh = ec.Hasher('isoloir/v1/shuffle-statement')
    sh.add([ec.GROUP_NAME, st['electionId'], st['groupId'], st['mixNode'], n, width])
    sh.add([enc(ec.G), enc(H0), st['pk']])
    for rows in (inputs, outputs):
        for ct in rows:
            for b in ct:
                sh.add_element_bytes(b)
    for b in commitments:
        sh.add_element_bytes(b)
    sigma = sh.digest()
    u = [ec.Hq('isoloir/v1/shuffle-u', sigma, j) for j in range(1, n + 1)]
    ch = ec.Hasher('isoloir/v1/shuffle-challenge')
    ch.add(sigma)
    for b in chain:
        ch.add_element_bytes(b)
    ch.add([t1, t2, t3])
    for pair in t4:
        ch.add(pair)
    for b in t_hat:
        ch.add_element_bytes(b)
    c = int.from_bytes(ch.digest(), 'big') % N

    # Every published element, decoded (validated).
    def pts(lst):
        out = []
        for b in lst:
            ok, p = decode(b)
            if not ok:
                return None
            out.append(p)
        return out

    cm, chn, th = pts(commitments), pts(chain), pts(t_hat)
    small = pts([t1, t2, t3] + [b for pair in t4 for b in pair])
    ins = [pts(ct) for ct in inputs]
    outs = [pts(ct) for ct in outputs]
    if cm is None or chn is None or th is None or small is None or any(x is None for x in ins + outs):
        return 'not-a-group-element'
    pk = decode(st['pk'])[1]
    hs = ec.generators(n)

    g1, g2, g3 = random128(), random128(), random128()
    ga = [random128() for _ in range(width)]
    gb = [random128() for _ in range(width)]
    rho = [random128() for _ in range(n)]
    u_prod = 1
    for x in u:
        u_prod = u_prod * x % N

    points, scalars = [], []

    def term(p, k):
        points.append(p)
        scalars.append(k % N)

    # (1) t₁ = c·(Σcⱼ − Σhᵢ) + s₁·G;  (2) t₂ = c·(ĉ_N − (Πuⱼ)·H₀) + s₂·G;  (3) t₃ = c·Σuⱼcⱼ + s₃·G + Σs'ᵢhᵢ
    # (4) t₄,ᵥ = (c·Σuⱼaⱼ,ᵥ + Σs'ᵢa'ᵢ,ᵥ − s₄,ᵥ·G, c·Σuⱼbⱼ,ᵥ + Σs'ᵢb'ᵢ,ᵥ − s₄,ᵥ·pk)
    # (5) t̂ᵢ = c·ĉᵢ + ŝᵢ·G + s'ᵢ·ĉᵢ₋₁ (ĉ₀ = H₀)
    g_coeff = g1 * s1 + g2 * s2 + g3 * s3 + sum(r * s for r, s in zip(rho, s_hat)) - sum(a * s for a, s in zip(ga, s4))
    pk_coeff = -sum(b * s for b, s in zip(gb, s4))
    term(ec.G, g_coeff)
    term(pk, pk_coeff)
    term(H0, -g2 * c * u_prod + rho[0] * s_prime[0])
    term(small[0], -g1)
    term(small[1], -g2)
    term(small[2], -g3)
    for v in range(width):
        term(small[3 + 2 * v], -ga[v])
        term(small[4 + 2 * v], -gb[v])
    for i in range(n):
        uc = u[i] * c % N
        sp = s_prime[i]
        term(cm[i], g1 * c + g3 * uc)
        term(hs[i], -g1 * c + g3 * sp)
        k = rho[i] * c + (rho[i + 1] * s_prime[i + 1] if i + 1 < n else g2 * c)
        term(chn[i], k)
        term(th[i], -rho[i])
        for v in range(width):
            term(ins[i][2 * v], ga[v] * uc)
            term(ins[i][2 * v + 1], gb[v] * uc)
            term(outs[i][2 * v], ga[v] * sp)
            term(outs[i][2 * v + 1], gb[v] * sp)
    return None if ec.msm(points, scalars) is None else 'equations'


# ---------------------------------------------------------------------------------------------
# The verifier's state and one handler per entry type, checked in record order.


class State:
    def __init__(self, election_id, threshold, trustees, layout, width, board_key):
        self.election_id = election_id
        self.threshold = threshold
        self.trustees = trustees
        self.layout = layout
        self.width = width
        self.anonymity_minimum = 0
        self.withheld = {}
        self.constituencies = {}
        self.segments = {}
        self.periods = {}
        self.heads = []
        self.board_signing_key = None
        self.pinned_key = board_key.lower() if board_key is not None else None
        self.codes = {}
        self.covered = {}
        self.modes_started = set()
        self.board_complete = False
        self.dealers = {}
        self.disqualified = set()
        self.pk = None
        self.pk_bytes = None
        self.qualified = []
        self.ceremony = None
        self.dealer_entries = {}
        self.complaint_entries = []
        self.mixers = {}
        self.vks = {}
        self.ballots = {}
        self.by_voter = {}
        self.seen_ciphertexts = {}
        self.cast_order = {}
        self.attendance = {}
        self.cancelled = {}
        self.linked = {}
        self.voters_checked = False
        self.group_of = {}
        self.members = {}
        self.current = {}
        self.mix_nodes = {}
        self.valid_partials = {}
        self.decoded = {}
        self.legal = {}
        self.counted = set()
        self.shuffles = 0
        self.hybrid = {}
        self.hybrid_codes = {}


def sorted_unique(ids):
    return all(ec._utf16_key(ids[i - 1]) < ec._utf16_key(ids[i]) for i in range(1, len(ids)))


def check_definition(s, p, loc):
    ensure(
        p['anonymityMinimum'] >= 2,
        'definition',
        loc + ' anonymityMinimum',
        'a minimum anonymity set of %d would publish single votes' % p['anonymityMinimum'],
    )
    s.anonymity_minimum = p['anonymityMinimum']
    for c in p['constituencies']:
        where = '%s constituency %s' % (loc, c['code'])
        ensure(c['code'] not in s.constituencies, 'definition', where, 'constituency defined twice')
        lists = {}
        for lst in c['lists']:
            ensure(lst['number'] not in lists, 'definition', where, 'list %d defined twice' % lst['number'])
            ensure(
                1 <= lst['number'] <= s.layout['maxListNumber'],
                'definition',
                where,
                'list %d does not fit the ballot layout' % lst['number'],
            )
            ensure(
                len(lst['effectives']) <= s.layout['maxEffectives']
                and len(lst['substitutes']) <= s.layout['maxSubstitutes'],
                'definition',
                where,
                'list %d has more candidates than the ballot layout' % lst['number'],
            )
            lists[lst['number']] = lst
        s.constituencies[c['code']] = {'code': c['code'], 'seats': c['seats'], 'lists': lists}


def check_roll(s, r, loc):
    seg_id = '%s/%s/%s' % (r['constituency'], r['mode'], r['category'])
    where = '%s (segment %s)' % (loc, seg_id)
    ensure(
        r['constituency'] in s.constituencies,
        'definition',
        where,
        'constituency %s is not in the election definition' % r['constituency'],
    )
    ensure(seg_id not in s.segments, 'roll', where, 'segment published twice')
    ids = r['ids']
    ensure(sorted_unique(ids), 'roll', where, 'voter ids are not sorted and unique')
    ensure(r['voters'] == len(ids), 'roll', where, 'says %d voters but lists %d' % (r['voters'], len(ids)))
    ensure(ec.merkle_root(ids) == r['root'], 'roll', where, 'root is not the Merkle root of the voter ids')
    ensure(is_iso(r['publishedAt']), 'roll-timing', where, 'publication time is not an ISO 8601 UTC time')
    # One place on each mode's roll of a constituency; on several constituencies' rolls only as a
    # choice in the booth (same mode and category); last-ballot keeps one counted ballot (PROTOCOL.md 8).
    for other, seg in s.segments.items():
        if seg['constituency'] == r['constituency']:
            if seg['mode'] != r['mode']:
                continue
        elif seg['mode'] == r['mode'] and seg['category'] == r['category']:
            continue
        dup = next((v for v in ids if v in seg['ids']), None)
        ensure(dup is None, 'roll', where, 'voter %s is also on the roll of %s' % (dup, other))
    s.segments[seg_id] = {
        'constituency': r['constituency'],
        'mode': r['mode'],
        'category': r['category'],
        'ids': set(ids),
        'voters': r['voters'],
        'publishedAt': r['publishedAt'],
    }


def check_period(s, p, loc):
    where = '%s (mode %s)' % (loc, p['mode'])
    ensure(p['mode'] not in s.periods, 'period', where, 'period stated twice')
    for t in (p['opensAt'], p['closesAt'], p['openedAt'], p['closedAt']):
        ensure(t is None or is_iso(t), 'period', where, '%s is not an ISO 8601 UTC time' % t)
    ensure(
        p['openedAt'] is None or p['closedAt'] is None or iso_ms(p['openedAt']) <= iso_ms(p['closedAt']),
        'period',
        where,
        'closed before it was opened',
    )
    ensure(
        p['opensAt'] is None or p['closesAt'] is None or iso_ms(p['opensAt']) < iso_ms(p['closesAt']),
        'period',
        where,
        'the window closes before it opens',
    )
    s.periods[p['mode']] = p


def check_attendance(s, a, loc):
    where = '%s (station %s)' % (loc, a['station'])
    ids = a['ids']
    ensure(sorted_unique(ids), 'attendance', where, 'voter ids are not sorted and unique')
    ensure(a['voters'] == len(ids), 'attendance', where, 'says %d voters but lists %d' % (a['voters'], len(ids)))
    ensure(ec.merkle_root(ids) == a['root'], 'attendance', where, 'root is not the Merkle root of the voter ids')
    s.attendance.setdefault(a['station'], set()).update(ids)


def check_ceremony(s, t, loc):
    ensure(
        t['electionId'] == s.election_id and t['threshold'] == s.threshold and t['trustees'] == s.trustees,
        'ceremony',
        loc,
        'the transcript is not of this election’s parameters',
    )
    keys = {}
    for r in t['registrations']:
        ensure(
            r['trustee'] not in keys and 1 <= r['trustee'] <= s.trustees,
            'ceremony',
            loc,
            'trustee %d registered twice or out of range' % r['trustee'],
        )
        body = {
            'electionId': t['electionId'],
            'trustee': r['trustee'],
            'signingKey': r['signingKey'],
            'encryptionKey': r['encryptionKey'],
        }
        ensure(
            ec.trustee_signature_valid(r['signingKey'], 'isoloir/v1/ceremony-registration', body, r['signature']),
            'ceremony',
            '%s registration of trustee %d' % (loc, r['trustee']),
            'not signed by its own key',
        )
        keys[r['trustee']] = r['signingKey']
    dealings, vks, accusations, answers = {}, {}, [], {}
    for p in t['posts']:
        where = '%s post %d (%s, trustee %d)' % (loc, p['seq'], p['kind'], p['trustee'])
        body = {'electionId': t['electionId'], 'trustee': p['trustee'], 'kind': p['kind'], 'payload': p['payload']}
        ensure(
            ec.trustee_signature_valid(keys.get(p['trustee'], ''), 'isoloir/v1/ceremony-post', body, p['signature']),
            'ceremony',
            where,
            'not signed by the trustee’s registered key',
        )
        pl = p['payload']
        if p['kind'] == 'dealing':
            dealings[p['trustee']] = pl['commitments']
        elif p['kind'] == 'checked':
            accusations.extend({'by': p['trustee'], 'against': a} for a in pl['complaints'])
        elif p['kind'] == 'answer':
            answers[p['trustee']] = pl['revealed']
        else:
            vks[p['trustee']] = pl['verificationKey']
    complaints = []
    for a in accusations:
        revealed = next((r['share'] for r in answers.get(a['against'], []) if r['to'] == a['by']), None)
        complaints.append({'by': a['by'], 'against': a['against'], 'revealed': revealed})
    complaints.sort(key=lambda x: (x['against'], x['by']))
    s.ceremony = {
        'signingKeys': keys,
        'dealings': dealings,
        'complaints': complaints,
        'verificationKeys': vks,
        'qualified': t['qualified'],
        'publicKey': t['publicKey'],
    }


def check_dealer(s, o, loc):
    dealer = o['dealer']
    ensure(1 <= dealer <= s.trustees and dealer not in s.dealers, 'parameters', loc, 'unknown or repeated dealer')
    commitments = [point(c, '%s commitment %d' % (loc, k)) for k, c in enumerate(o['commitments'])]
    c = scalar(o['proof']['challenge'], loc)
    r = scalar(o['proof']['response'], loc)
    valid = (
        len(commitments) == s.threshold
        and len(commitments) > 0
        and schnorr_valid(LABEL_DEALER, [s.election_id, s.threshold, s.trustees, dealer], commitments[0], c, r)
    )
    s.dealers[dealer] = {'commitments': commitments, 'valid': valid}
    s.dealer_entries[dealer] = o['commitments']


def check_complaint(s, o, loc):
    dealer = s.dealers.get(o['against'])
    if dealer is None:
        fail('complaint', loc, 'complaint against an unknown dealer')
    revealed = o['revealed']
    upheld = revealed is None or ec.g_table().mul(scalar(revealed, loc)) != image(dealer['commitments'], o['by'])
    if upheld:
        s.disqualified.add(o['against'])
    s.complaint_entries.append({'by': o['by'], 'against': o['against'], 'revealed': revealed})


def _js_sort_key_pair(item):
    # [number, [hex…]] pairs sorted as ECMAScript's default sort does: by their string form.
    k, v = item
    return ec._utf16_key('%d,%s' % (k, ','.join(v)))


def check_key(s, o, loc):
    qualified = o['qualified']
    expected = sorted(i for i, d in s.dealers.items() if d['valid'] and i not in s.disqualified)
    ensure(qualified == expected, 'election-key', loc, 'qualified set should be [%s]' % ','.join(map(str, expected)))
    ensure(len(expected) >= s.threshold, 'election-key', loc, 'fewer qualified dealers than the threshold')
    pk = None
    for i in expected:
        pk = ec.add(pk, s.dealers[i]['commitments'][0])
    published = point(o['publicKey'], loc)
    ensure(
        pk == published and pk is not None,
        'election-key',
        loc,
        'public key is not the sum of the qualified dealers’ constant commitments',
    )
    s.pk = pk
    s.pk_bytes = enc(pk)
    s.qualified = expected
    ensure(len(o['trustees']) == s.trustees, 'trustee-key', loc, 'one verification key per trustee expected')
    for idx, t in enumerate(o['trustees']):
        tl = '%s trustee %d' % (loc, idx + 1)
        j = t['trustee']
        ensure(j == idx + 1, 'trustee-key', tl, 'trustees out of order')
        vk = point(t['verificationKey'], tl)
        expected_vk = None
        for i in expected:
            expected_vk = ec.add(expected_vk, image(s.dealers[i]['commitments'], j))
        ensure(vk == expected_vk, 'trustee-key', tl, 'verification key does not match the dealers’ commitments')
        c = scalar(t['proof']['challenge'], tl)
        r = scalar(t['proof']['response'], tl)
        ensure(
            schnorr_valid(LABEL_TRUSTEE_KEY, [s.election_id, j], vk, c, r),
            'trustee-key',
            tl,
            'proof of knowledge of the key share fails',
        )
        s.vks[j] = vk
    cer = s.ceremony
    if cer is None:
        return
    cj = ec.canonical_json
    mine = sorted(s.dealer_entries.items(), key=_js_sort_key_pair)
    theirs = sorted(cer['dealings'].items(), key=_js_sort_key_pair)
    ensure(
        cj([[k, v] for k, v in mine]) == cj([[k, v] for k, v in theirs]),
        'ceremony',
        loc,
        'the dealer entries are not the transcript’s dealings',
    )
    ensure(
        cj(s.complaint_entries) == cj(cer['complaints']),
        'ceremony',
        loc,
        'the complaint entries are not the transcript’s complaints and answers',
    )
    ensure(
        cj(qualified) == cj(cer['qualified']) and o['publicKey'] == cer['publicKey'],
        'ceremony',
        loc,
        'the key is not the transcript’s',
    )
    for v in o['trustees']:
        if cer['verificationKeys'].get(v['trustee']) != v['verificationKey']:
            fail('ceremony', loc, 'trustee %d’s verification key is not the one posted' % v['trustee'])


def ballot_proof_valid(s, ids, cts, c, responses, loc):
    """§5: tᵥ = sᵥ·G − c·aᵥ, all aᵥ ≠ O, c = H_q(ballot-proof label, group, ids, G, pk, pairs, ts)."""
    pairs = []
    for w in range(0, len(cts), 2):
        ok_a, a = decode(cts[w])
        ok_b, b = decode(cts[w + 1])
        if not ok_a or not ok_b:
            fail('format', loc, 'ciphertext is not made of group elements')
        if a is None:
            return False
        pairs.append((a, b))
    if len(responses) != len(pairs):
        return False
    table = ec.g_table()
    ts = []
    for (a, _), r in zip(pairs, responses):
        t = ec.jadd(table.jmul(r), ec.jmul(a, N - c) if c else ec.INF)
        ts.append(t)
    ts = ec.batch_to_affine(ts)
    expected = ec.Hq(
        LABEL_BALLOT,
        ec.GROUP_NAME,
        s.election_id,
        ids[0],
        ids[1],
        ids[2],
        enc(ec.G),
        s.pk_bytes,
        [[enc(a), enc(b)] for a, b in pairs],
        [enc(t) for t in ts],
    )
    return expected == c


def check_ballot(s, o, loc):
    group_id, voter, ballot_id, constituency = o['groupId'], o['voterId'], o['ballotId'], o['constituency']
    where = '%s (ballot %s)' % (loc, ballot_id)
    seg = s.segments.get(group_id)
    ensure(seg is not None, 'eligibility', where, 'no roll for group %s' % group_id)
    ensure(
        seg['constituency'] == constituency,
        'constituency',
        where,
        'a ballot of constituency %s in group %s' % (constituency, group_id),
    )
    ensure(voter in seg['ids'], 'eligibility', where, 'voter %s is not on the roll of %s' % (voter, group_id))
    ensure(ballot_id not in s.ballots, 'ballot-duplicate', where, 'ballot id used twice')
    ensure(group_id not in s.current, 'completeness', where, 'ballot cast after counting started')
    received = iso_ms(o['receivedAt'])
    ensure(received is not None, 'sequence', where, 'receipt time is not an ISO 8601 UTC time')
    mine = s.by_voter.setdefault(voter, [])
    ensure(
        o['sequence'] == len(mine) + 1,
        'sequence',
        where,
        "voter's ballot number %d, expected %d" % (o['sequence'], len(mine) + 1),
    )
    previous = s.ballots[mine[-1]] if mine else None
    ensure(
        previous is None or previous['receivedMs'] <= received,
        'sequence',
        where,
        "received before the voter's previous ballot",
    )
    cts = [to_bytes(c, where) for c in o['ciphertexts']]
    ensure(len(cts) == 2 * s.width, 'ballot-proof', where, 'ballot must have %d ciphertexts' % s.width)
    c = scalar(o['proof']['challenge'], where)
    responses = [scalar(r, where) for r in o['proof']['responses']]
    ensure(
        ballot_proof_valid(s, (constituency, voter, ballot_id), cts, c, responses, where),
        'ballot-proof',
        where,
        'proof of knowledge of the encryption randomness fails for this election, constituency, voter and ballot',
    )
    key = tuple(cts)
    copy_of = s.seen_ciphertexts.get(key)
    if copy_of is not None:
        fail('ballot-duplicate', where, 'same ciphertext as %s' % copy_of)
    s.seen_ciphertexts[key] = ballot_id
    s.ballots[ballot_id] = {
        'groupId': group_id,
        'voterId': voter,
        'cts': cts,
        'sequence': o['sequence'],
        'receivedMs': received,
    }
    mine.append(ballot_id)
    s.cast_order.setdefault(group_id, []).append(ballot_id)


def check_ballot_time(s, o, loc):
    seg = s.segments.get(o['groupId'])
    t = iso_ms(o['receivedAt'])
    if seg is None or t is None:
        return
    where = '%s (ballot %s)' % (loc, o['ballotId'])
    mode = seg['mode']
    period = s.periods.get(mode)
    if period is None or period['openedAt'] is None:
        fail('period', where, 'a %s ballot, but the record states no opening of the %s voting period' % (mode, mode))
    opened = period['openedAt']
    r = o['receivedAt']
    ensure(t >= iso_ms(opened), 'period', where, 'received at %s, before the %s period was opened (%s)' % (r, mode, opened))
    ensure(
        period['closedAt'] is None or t <= iso_ms(period['closedAt']),
        'period',
        where,
        'received at %s, after the %s period was closed (%s)' % (r, mode, period['closedAt']),
    )
    ensure(
        period['opensAt'] is None or t >= iso_ms(period['opensAt']),
        'period',
        where,
        "received at %s, before the setup's %s window opened (%s)" % (r, mode, period['opensAt']),
    )
    ensure(
        period['closesAt'] is None or t < iso_ms(period['closesAt']),
        'period',
        where,
        "received at %s, once the setup's %s window had closed (%s)" % (r, mode, period['closesAt']),
    )
    if mode not in s.modes_started:
        s.modes_started.add(mode)
        for seg_id, sg in s.segments.items():
            if sg['mode'] != mode:
                continue
            published = iso_ms(sg['publishedAt'])
            ensure(
                published <= iso_ms(opened),
                'roll-timing',
                'roll of ' + seg_id,
                'published at %s, after the %s voting period opened (%s)' % (sg['publishedAt'], mode, opened),
            )
            ensure(
                published <= t,
                'roll-timing',
                'roll of ' + seg_id,
                'published at %s, after the first %s ballot (%s, %s)' % (sg['publishedAt'], mode, o['ballotId'], r),
            )
    if not s.heads:
        fail('board', where, 'a ballot before the board’s opening head published the election key’s fingerprint')
    opening = s.heads[0]
    ensure(
        iso_ms(opening['publishedAt']) <= t,
        'board',
        where,
        'received at %s, before the opening head published the key’s fingerprint (%s)' % (r, opening['publishedAt']),
    )
    ensure(s.heads[-1]['kind'] != 'closing', 'board', where, 'a ballot after the board’s closing head')


def note_ballot(s, o):
    code = ec.tracking_code(s.election_id, o['constituency'], o['ciphertexts'], o['proof'])
    s.codes[code] = o['ballotId']


def check_board_head(s, h, loc):
    where = '%s (board head #%d, %s)' % (loc, h['seq'], h['kind'])
    last = s.heads[-1] if s.heads else None
    expected_seq = 0 if last is None else last['seq'] + 1
    ensure(h['seq'] == expected_seq, 'board', where, 'heads out of order (expected #%d)' % expected_seq)
    ensure((h['seq'] == 0) == (h['kind'] == 'opening'), 'board', where, 'the first head, and only it, is the opening head')
    ensure(last is None or last['kind'] != 'closing', 'board', where, 'a head after the closing head')
    ensure(h['previous'] == (last['hash'] if last else ''), 'board', where, 'does not chain to the previous head')
    published = iso_ms(h['publishedAt'])
    ensure(
        published is not None and (last is None or iso_ms(last['publishedAt']) <= published),
        'board',
        where,
        'publication time missing, or earlier than the previous head’s',
    )
    if s.pk_bytes is None:
        fail('order', where, 'board head before the election key')
    fingerprint = ec.key_fingerprint(s.pk_bytes)
    ensure(
        h['keyFingerprint'] == fingerprint,
        'board',
        where,
        'publishes the key fingerprint %s, not the election key’s (%s)' % (h['keyFingerprint'], fingerprint),
    )
    ensure(
        h['total'] == (last['total'] if last else 0) + len(h['trackingCodes']),
        'board',
        where,
        'running total does not add up',
    )
    for code in h['trackingCodes']:
        ensure(code not in s.covered, 'board', where, 'covers tracking code %s a second time' % code)
        s.covered[code] = h['seq']
    digest = ec.board_head_hash(
        s.election_id, h['seq'], h['kind'], h['previous'], h['publishedAt'], h['keyFingerprint'], h['total'],
        h['trackingCodes'],
    )
    ensure(digest == h['hash'], 'board', where, 'hash does not match its content')
    ensure(
        len(h['signingKey']) % 2 == 0 and ec.key_id(h['signingKey']) == h['keyId'],
        'board',
        where,
        'key id is not the signing key’s',
    )
    ensure(
        s.pinned_key is None or s.pinned_key == h['signingKey'],
        'board',
        where,
        'signed by key %s, not by the board key published outside the record' % h['keyId'],
    )
    ensure(
        s.board_signing_key is None or s.board_signing_key == h['signingKey'],
        'board',
        where,
        'signed by another key than the earlier heads',
    )
    statement = {'electionId': s.election_id, 'seq': h['seq'], 'kind': h['kind'], 'hash': h['hash'], 'keyId': h['keyId']}
    ensure(
        ec.signature_valid(
            h['signingKey'], 'isoloir/v1/board-head-signature\n' + ec.canonical_json(statement), h['signature']
        ),
        'board',
        where,
        'signature does not verify with the board’s key',
    )
    s.board_signing_key = h['signingKey']
    s.heads.append({k: h[k] for k in ('seq', 'kind', 'hash', 'publishedAt', 'total', 'keyId')})


def check_board_complete(s):
    s.board_complete = True
    for code, seq in s.covered.items():
        ensure(
            code in s.codes,
            'board',
            'board head #%d' % seq,
            'covers tracking code %s, which is no ballot of this record (dropped or changed after the board '
            'published it)' % code,
        )
    if not s.codes and not s.heads:
        return
    ensure(
        bool(s.heads) and s.heads[-1]['kind'] == 'closing',
        'board',
        'board',
        'the board has no closing head: what was accepted by the end of voting is not anchored',
    )
    for code, ballot in s.codes.items():
        ensure(
            code in s.covered,
            'board',
            'ballot ' + ballot,
            'tracking code %s is on no board head (added after the board closed, or never published)' % code,
        )


def check_linked(s, ballot, ballot_id, e, where):
    """A `french-language-group` cancellation (special act of 12 January 1989, art. 14 al. 2): the
    voter's ballot in another election, received strictly after the cancelled ballot and not after
    the voter's next ballot here (it cancels the voter's current ballot); one such ballot cancels one
    ballot only. It rests on another record: kept in s.linked for --linked."""
    ensure(
        e['electionId'] != s.election_id,
        'cancellation-evidence',
        where,
        "french-language-group, but the evidence names this record's own election %s" % e['electionId'],
    )
    at = iso_ms(e['receivedAt'])
    ensure(
        at is not None,
        'cancellation-evidence',
        where,
        "the linked ballot's receipt time %s is not an ISO 8601 UTC time" % e['receivedAt'],
    )
    ensure(
        at > ballot['receivedMs'],
        'cancellation-evidence',
        where,
        'the linked ballot %s (%s) is not later than the cancelled ballot' % (e['ballotId'], e['receivedAt']),
    )
    mine = s.by_voter.get(ballot['voterId'], [])
    next_id = mine[ballot['sequence']] if ballot['sequence'] < len(mine) else None
    nxt = s.ballots.get(next_id) if next_id is not None else None
    ensure(
        nxt is None or nxt['receivedMs'] >= at,
        'cancellation-evidence',
        where,
        "the linked ballot %s (%s) came after the voter's next ballot %s: it cancels that one, not this"
        % (e['ballotId'], e['receivedAt'], next_id),
    )
    key = (e['electionId'], e['ballotId'])
    earlier = s.linked.get(key)
    ensure(
        earlier is None,
        'cancellation-evidence',
        where,
        'the linked ballot %s of %s already cancelled ballot %s'
        % (e['ballotId'], e['electionId'], earlier['cancels'] if earlier else ''),
    )
    s.linked[key] = dict(e, cancels=ballot_id, where=where)


def check_cancellation(s, c, loc):
    where = '%s (ballot %s)' % (loc, c['ballotId'])
    ballot = s.ballots.get(c['ballotId'])
    ensure(
        ballot is not None and ballot['groupId'] == c['groupId'],
        'cancellation',
        where,
        'cancels unknown ballot %s of group %s' % (c['ballotId'], c['groupId']),
    )
    ensure(c['ballotId'] not in s.cancelled, 'cancellation', where, 'ballot cancelled twice')
    ensure(not s.voters_checked, 'cancellation', where, 'cancellation after counting started')
    if c['reason'] == 'superseded':
        later_id = c['evidence']['laterBallotId']
        later = s.ballots.get(later_id)
        ensure(
            later is not None and later['voterId'] == ballot['voterId'] and later['sequence'] > ballot['sequence'],
            'cancellation-evidence',
            where,
            'superseded, but %s is not a later ballot of the same voter' % later_id,
        )
    elif c['reason'] == 'french-language-group':
        check_linked(s, ballot, c['ballotId'], c['evidence'], where)
    else:
        station = c['evidence']['station']
        lst = s.attendance.get(station)
        ensure(lst is not None, 'cancellation-evidence', where, 'no published attendance list for station %s' % station)
        ensure(
            ballot['voterId'] in lst,
            'cancellation-evidence',
            where,
            'voter %s is not on the attendance list of %s' % (ballot['voterId'], station),
        )
    s.cancelled[c['ballotId']] = c['reason']


def check_voters(s):
    s.voters_checked = True
    for voter, ids in s.by_voter.items():
        live = [i for i in ids if i not in s.cancelled]
        ensure(
            len(live) <= 1,
            'one-per-voter',
            'voter ' + voter,
            '%d ballots left to count: %s' % (len(live), ', '.join(live)),
        )
        last = ids[-1] if ids else None
        counted = live[0] if live else None
        ensure(
            counted is None or counted == last,
            'last-ballot',
            'voter ' + voter,
            "ballot %s would be counted but the voter's last ballot is %s" % (counted, last),
        )
        if counted is not None:
            for station, lst in s.attendance.items():
                ensure(
                    voter not in lst,
                    'cancellation-missing',
                    'voter ' + voter,
                    'on the attendance list of %s but ballot %s is counted' % (station, counted),
                )


def check_group_input(s, o, loc):
    group_id = o['groupId']
    where = '%s (group %s)' % (loc, group_id)
    ensure(
        group_id not in s.current and group_id not in s.members, 'group-input', where, 'second input for this group'
    )
    members = o['members']
    own = s.segments.get(group_id)
    ensure(
        own is not None and group_id in members,
        'group-input',
        where,
        'a counting group is a roll segment and one of its own members',
    )
    for m in members:
        seg = s.segments.get(m)
        ensure(seg is not None, 'group-input', where, 'member %s is not a roll segment' % m)
        ensure(seg['constituency'] == own['constituency'], 'group-input', where, 'member %s is in another constituency' % m)
        other = s.group_of.get(m)
        ensure(other is None, 'group-input', where, 'member %s is already counted in %s' % (m, other))
        s.group_of[m] = group_id
    s.members[group_id] = members
    expected = {}
    for m in members:
        for bid in s.cast_order.get(m, []):
            b = s.ballots.get(bid)
            if b is not None and bid not in s.cancelled:
                expected[tuple(b['cts'])] = bid
    given = [[to_bytes(b, '%s #%d' % (where, i)) for b in ct] for i, ct in enumerate(o['ciphertexts'])]
    for i, ct in enumerate(given):
        k = tuple(ct)
        ensure(
            k in expected,
            'group-input',
            '%s ciphertext #%d' % (where, i),
            'is not a counted ballot of this group (or is there twice)',
        )
        del expected[k]
    missing = list(expected.values())
    ensure(
        not missing,
        'group-input',
        where,
        'counted ballots missing from the input: %s%s' % (', '.join(missing[:3]), '…' if len(missing) > 3 else ''),
    )
    s.current[group_id] = given
    if not given:
        s.decoded[group_id] = []


def check_withheld(s, o, loc):
    group_id, constituency = o['groupId'], o['constituency']
    where = '%s (withheld %s)' % (loc, constituency)
    ensure(
        constituency in s.constituencies,
        'withheld',
        where,
        'constituency %s is not in the election definition' % constituency,
    )
    minimum = o['minimum']
    ensure(
        minimum == s.anonymity_minimum,
        'withheld',
        where,
        "states a minimum of %d; the election's is %d" % (minimum, s.anonymity_minimum),
    )
    members = sorted(set(o['members']), key=ec._utf16_key)
    ensure(len(members) == len(o['members']), 'withheld', where, 'a member is named twice')
    ensure(group_id in members, 'withheld', where, 'the carrying group is not one of the members')
    for m in members:
        seg = s.segments.get(m)
        ensure(seg is not None, 'withheld', where, 'member %s is not a roll segment' % m)
        ensure(seg['constituency'] == constituency, 'withheld', where, 'member %s is in another constituency' % m)
        other = s.group_of.get(m)
        ensure(other is None, 'withheld', where, 'member %s is already counted in %s' % (m, other))
    with_ballots = [
        i for i, seg in s.segments.items() if seg['constituency'] == constituency and s.cast_order.get(i)
    ]
    left = [i for i in with_ballots if i not in members]
    ensure(
        not left,
        'withheld',
        where,
        'segment(s) %s of the constituency hold ballots but are not in the withheld set' % ', '.join(left),
    )
    expected = set()
    for m in members:
        expected.update(i for i in s.cast_order.get(m, []) if i not in s.cancelled)
    claimed = o['ballots']
    for i in claimed:
        ensure(
            i in expected,
            'withheld',
            where,
            'ballot %s is not a ballot to count of this constituency (or is named twice)' % i,
        )
        expected.discard(i)
    ensure(
        not expected,
        'withheld',
        where,
        'ballots to count missing from the withheld set: %s' % ', '.join(sorted(expected)[:3]),
    )
    size = o['size']
    ensure(size == len(claimed), 'withheld', where, 'states %d ballots but lists %d' % (size, len(claimed)))
    ensure(
        size < minimum,
        'withheld',
        where,
        '%d ballots are not below the minimum anonymity set of %d: they must be counted, not withheld'
        % (size, minimum),
    )
    for m in members:
        s.group_of[m] = group_id
    s.members[group_id] = members
    s.withheld[group_id] = size


def check_shuffle(s, o, loc):
    group_id, mix_node, trustee = o['groupId'], o['mixNode'], o['trustee']
    where = '%s (group %s, mix node %d, trustee %d)' % (loc, group_id, mix_node, trustee)
    mixers = s.mixers.setdefault(group_id, set())
    ensure(trustee in s.qualified, 'shuffle-input', where, 'the mixer is not a qualified trustee of the key ceremony')
    ensure(trustee not in mixers, 'shuffle-input', where, 'the same trustee shuffled this group twice (one mixer is no mix)')
    inputs = s.current.get(group_id)
    ensure(inputs is not None, 'shuffle-input', where, 'shuffle before the group input')
    ensure(mix_node == s.mix_nodes.get(group_id, 0) + 1, 'shuffle-input', where, 'mix nodes out of order')
    ensure(
        group_id not in s.decoded and group_id not in s.valid_partials,
        'shuffle-input',
        where,
        'shuffle after decryption started',
    )
    outputs = rows_bytes(o['outputs'], where, 'output ')
    ensure(s.pk is not None, 'completeness', where, 'no election key')
    failed = verify_shuffle(
        {'electionId': s.election_id, 'groupId': group_id, 'mixNode': mix_node, 'pk': s.pk_bytes},
        inputs,
        outputs,
        o['proof'],
        where + ' proof',
    )
    ensure(
        failed is None,
        'shuffle-proof',
        where,
        'shuffle proof fails (%s): outputs are not a proven re-encryption of the inputs' % failed,
    )
    if s.ceremony is not None:
        body = {
            'electionId': s.election_id,
            'groupId': group_id,
            'mixNode': mix_node,
            'trustee': trustee,
            'outputs': ec.rows_digest(outputs),
            'proof': ec.proof_digest(o['proof']),
        }
        ensure(
            ec.trustee_signature_valid(
                s.ceremony['signingKeys'].get(trustee, ''), 'isoloir/v1/shuffle-upload', body, o['signature']
            ),
            'shuffle-input',
            where,
            'the shuffle is not signed by its trustee’s registered key',
        )
    s.current[group_id] = outputs
    s.mix_nodes[group_id] = mix_node
    mixers.add(trustee)
    s.shuffles += 1


def partial_valid(s, group_id, trustee, vk, cts, shares, c, r):
    """§7: batched Chaum–Pedersen: seed, ρₖ, A = Σρₖaₖ, D = Σρₖdₖ, log_G vk = log_A D."""
    h = ec.Hasher('isoloir/v1/decryption-batch')
    h.add([ec.GROUP_NAME, s.election_id, group_id, trustee, enc(vk)])
    a_bytes = [ct[w] for ct in cts for w in range(0, len(ct), 2)]
    d_bytes = [d for row in shares for d in row]
    for b in a_bytes:
        h.add_element_bytes(b)
    for b in d_bytes:
        h.add_element_bytes(b)
    seed = h.digest()
    rho = [ec.Hq('isoloir/v1/decryption-coefficient', seed, k) for k in range(len(a_bytes))]
    a_pts, d_pts = [], []
    for b in a_bytes:
        ok, p = decode(b)
        if not ok:
            return False
        a_pts.append(p)
    for b in d_bytes:
        ok, p = decode(b)
        if not ok:
            return False
        d_pts.append(p)
    A_ = ec.msm(a_pts, rho)
    D_ = ec.msm(d_pts, rho)
    t1 = ec.msm([ec.G, vk], [r, N - c])
    t2 = ec.msm([A_, D_], [r, N - c])
    expected = ec.Hq(
        'isoloir/v1/decryption-proof',
        ec.GROUP_NAME,
        [s.election_id, group_id, trustee, seed],
        enc(ec.G),
        enc(vk),
        enc(A_),
        enc(D_),
        enc(t1),
        enc(t2),
    )
    return expected == c


def check_partial(s, o, loc):
    group_id, trustee = o['groupId'], o['trustee']
    where = '%s (group %s, trustee %d)' % (loc, group_id, trustee)
    cts = s.current.get(group_id)
    ensure(
        cts is not None and len(s.mixers.get(group_id, ())) >= s.threshold,
        'completeness',
        where,
        'decryption before %d shuffles by distinct qualified trustees' % s.threshold,
    )
    ensure(group_id not in s.decoded, 'completeness', where, 'partial decryption after combination')
    vk = s.vks.get(trustee)
    ensure(trustee in s.vks, 'decryption-proof', where, 'unknown trustee')
    shares = rows_bytes(o['shares'], where, '')
    proof = o['proof']
    if s.ceremony is not None:
        body = {
            'electionId': s.election_id,
            'groupId': group_id,
            'trustee': trustee,
            'shares': ec.rows_digest(shares),
            'proof': ec.proof_digest(proof),
        }
        ensure(
            ec.trustee_signature_valid(
                s.ceremony['signingKeys'].get(trustee, ''), 'isoloir/v1/partial-upload', body, o['signature']
            ),
            'decryption-proof',
            where,
            'the partial decryption is not signed by its trustee’s registered key',
        )
    c = scalar(proof['challenge'], where)
    r = scalar(proof['response'], where)
    shape_ok = len(shares) == len(cts) and all(len(row) * 2 == len(ct) for row, ct in zip(shares, cts))
    ensure(
        shape_ok and partial_valid(s, group_id, trustee, vk, cts, shares, c, r),
        'decryption-proof',
        where,
        "trustee %d's partial decryption fails its Chaum–Pedersen proof" % trustee,
    )
    s.valid_partials.setdefault(group_id, {})[trustee] = shares


def check_decryption(s, o, loc):
    group_id = o['groupId']
    where = '%s (group %s)' % (loc, group_id)
    cts = s.current.get(group_id)
    ensure(
        cts is not None and group_id not in s.decoded,
        'completeness',
        where,
        'decryption without shuffled input, or twice',
    )
    trustees = o['trustees']
    partials = s.valid_partials.get(group_id, {})
    ensure(
        len(set(trustees)) == len(trustees) and len(trustees) == s.threshold,
        'decryption',
        where,
        'exactly %d distinct trustees required' % s.threshold,
    )
    for t in trustees:
        if t not in partials:
            fail('decryption', where, 'trustee %d has no partial decryption' % t)
    lambdas = [lagrange(trustees, t) for t in trustees]
    plaintexts = rows_bytes(o['plaintexts'], where, '')
    ensure(len(plaintexts) == len(cts), 'decryption', where, 'one plaintext per ciphertext expected')
    ballots = o['ballots']
    ensure(len(ballots) == len(cts), 'decoding', where, 'one decoded ballot per ciphertext expected')

    # Mₖ = bₖ − Σ λⱼ·dⱼ,ₖ for every component, checked at once with random weights; the slow
    # per-component path below runs only when that fails, to name the first failing ciphertext.
    fast = all(len(row) * 2 == len(ct) for row, ct in zip(plaintexts, cts))
    if fast:
        pts, scs = [], []
        for i, ct in enumerate(cts):
            for w, m_bytes in enumerate(plaintexts[i]):
                ok_b, b = decode(ct[2 * w + 1])
                ok_m, m = decode(m_bytes)
                ds = [decode(partials[t][i][w]) for t in trustees]
                if not ok_b or not ok_m or not all(ok for ok, _ in ds):
                    fast = False
                    break
                gamma = random128()
                pts.append(b)
                scs.append(gamma)
                pts.append(m)
                scs.append(N - gamma)
                for (_, d), lam in zip(ds, lambdas):
                    pts.append(d)
                    scs.append(-gamma * lam)
            if not fast:
                break
        if fast and ec.msm(pts, scs) is not None:
            fast = False
    decoded = []
    for i, ct in enumerate(cts):
        at = '%s ciphertext #%d' % (where, i)
        row = plaintexts[i]
        ensure(len(row) * 2 == len(ct), 'decryption', at, 'width')
        if not fast:
            for w in range(len(row)):
                ok_b, b = decode(ct[2 * w + 1])
                ds = [decode(partials[t][i][w]) for t in trustees]
                if not ok_b or not all(ok for ok, _ in ds):
                    fail('format', at, 'not a group element')
                m = ec.add(b, ec.neg(ec.msm([d for _, d in ds], lambdas)))
                ok_m, published = decode(row[w])
                ensure(ok_m and published == m, 'decryption', at, 'plaintext is not the combination of the partial decryptions')
        d = decode_ballot(s.layout, row)
        claimed = published_ballot(ballots[i])
        ensure(
            claimed == d and _same_types(claimed, d),
            'decoding',
            at,
            'published ballot %s but the plaintext decodes to %s' % (show_ballot(claimed), show_ballot(d)),
        )
        decoded.append(d)
    s.decoded[group_id] = decoded


def _same_types(a, b):
    return all(type(x) is type(y) for x, y in zip(a, b))


def check_counts(s, o, loc):
    group_id = o['groupId']
    where = '%s (group %s)' % (loc, group_id)
    decoded = s.decoded.get(group_id)
    ensure(
        decoded is not None and group_id not in s.counted,
        'completeness',
        where,
        'counts without decryption, or twice',
    )
    seg = s.segments.get(group_id)
    constituency = s.constituencies.get(seg['constituency'] if seg else '')
    ensure(constituency is not None, 'definition', where, "the group's constituency is not defined")
    expected = legal_count(constituency, decoded)
    diff = first_difference(expected, o['counts'], 'counts')
    ensure(
        diff is None,
        'counts',
        where,
        'published counts differ from the legal count of the decoded ballots at %s' % diff,
    )
    s.legal[group_id] = expected
    s.counted.add(group_id)


# ---------------------------------------------------------------------------------------------
# Hybrid boxes (mode 6, PROTOCOL.md §8): per constituency and category, a receipt log then a count.

SET_ASIDE_REASONS = (
    'kcode-unknown',
    'kcode-voided',
    'wrong-main-office',
    'second-envelope',
    'arrived-late',
    'voted-at-polling-station',
)


def check_receipt_log(s, p, loc):
    ensure(p['constituency'] in s.constituencies, 'hybrid-log', loc, 'constituency %s is not defined' % p['constituency'])
    box_id = p['constituency'] + '/' + p['category']
    ensure(box_id not in s.hybrid, 'hybrid-log', loc, 'a second receipt log for the box %s' % box_id)
    orders = set()
    box = {'received': 0, 'accepted': 0, 'cancelled': 0, 'setAside': {}, 'unknown': 0, 'count': None}
    last = None
    for i, env in enumerate(p['envelopes']):
        where = '%s envelope %d' % (loc, i)
        t = iso_ms(env['receivedAt'])
        ensure(t is not None, 'hybrid-log', where, 'receivedAt is not a time')
        ensure(last is None or last <= t, 'hybrid-log', where, 'received before the envelope listed before it')
        last = t
        decision, reason = env['decision'], env['reason']
        if reason == 'kcode-unknown':
            box['unknown'] += 1
        else:
            box['received'] += 1
        if decision == 'set-aside':
            ensure(reason in SET_ASIDE_REASONS, 'hybrid-log', where, 'set aside without a known reason')
            ensure(env['box'] is None and env['order'] is None, 'hybrid-log', where, 'set aside, yet in a box')
            if reason != 'kcode-unknown':
                box['setAside'][reason] = box['setAside'].get(reason, 0) + 1
            continue
        wanted = None if decision == 'accepted' else 'voted-at-polling-station'
        ensure(reason == wanted, 'hybrid-log', where, '%s with reason %s' % (decision, reason))
        order = env['order']
        ensure(env['box'] == p['category'] and order is not None and order >= 1, 'hybrid-log', where, 'not in its box')
        ensure(order not in orders, 'hybrid-log', where, 'order number %d given twice' % order)
        orders.add(order)
        box['accepted'] += 1
        if decision == 'cancelled':
            box['cancelled'] += 1
        code = env['kcodeHash']
        if code is not None:
            ensure(
                code not in s.hybrid_codes,
                'hybrid-duplicate',
                where,
                'K-code %s already accepted at %s' % (code, s.hybrid_codes.get(code)),
            )
            s.hybrid_codes[code] = where
    s.hybrid[box_id] = box


def paper_ballot(b, where):
    marks = len(b['effectives']) + len(b['substitutes'])
    kind = b['class']
    if kind == 'invalid':
        ensure(b['rule'] is not None and b['list'] is None and marks == 0, 'hybrid-count', where, 'malformed invalid ballot')
        return ('ruled', b['rule'])
    ensure(b['rule'] is None, 'hybrid-count', where, '%s ballot with a rule' % kind)
    if kind == 'blank':
        ensure(b['list'] is None and marks == 0, 'hybrid-count', where, 'blank ballot with marks')
        return ('blank',)
    ensure(b['list'] is not None, 'hybrid-count', where, 'valid ballot without a list')
    return ('list', b['list'], marks == 0, list(b['effectives']), list(b['substitutes']))


def check_hybrid_count(s, p, loc):
    c = s.constituencies.get(p['constituency'])
    ensure(c is not None, 'hybrid-log', loc, 'constituency %s is not defined' % p['constituency'])
    box_id = p['constituency'] + '/' + p['category']
    box = s.hybrid.get(box_id)
    ensure(box is not None, 'hybrid-count', loc, 'no receipt log before the count of %s' % box_id)
    ensure(box['count'] is None, 'hybrid-count', loc, 'a second count of %s' % box_id)
    ballots = []
    for i, b in enumerate(p['ballots']):
        d = paper_ballot(b, '%s ballot %d' % (loc, i))
        if b['class'] == 'valid':
            ensure(classify(c, d)[0] == 'list', 'hybrid-count', '%s ballot %d' % (loc, i), 'published as valid, it is not')
        ballots.append(d)
    legal = legal_count(c, ballots)
    diff = first_difference(legal, p['counts'], 'counts')
    ensure(diff is None, 'hybrid-count', loc, 'the counts differ from the legal count of its ballots at %s' % diff)
    expected = box['accepted'] - box['cancelled']
    explained = p['explanation'] is not None and p['explanation'].strip() != ''
    ensure(
        len(ballots) == expected or explained,
        'hybrid-reconciliation',
        loc,
        '%d ballots counted for %d inner envelopes accepted and not cancelled, and no explanation'
        % (len(ballots), expected),
    )
    box['count'] = {'legal': legal, 'ballots': len(ballots), 'explanation': p['explanation']}


HANDLERS = {
    'election': check_definition,
    'roll': check_roll,
    'period': check_period,
    'attendance': check_attendance,
    'ceremony': check_ceremony,
    'dealer': check_dealer,
    'complaint': check_complaint,
    'key': check_key,
    'ballot': check_ballot,
    'board-head': check_board_head,
    'cancellation': check_cancellation,
    'group-input': check_group_input,
    'withheld': check_withheld,
    'shuffle': check_shuffle,
    'partial-decryption': check_partial,
    'decryption': check_decryption,
    'counts': check_counts,
    'hybrid-receipt-log': check_receipt_log,
    'hybrid-count': check_hybrid_count,
}

# Where each entry type may stand (PROTOCOL.md §8.1).
PHASE = {
    'parameters': 0,
    'election': 1,
    'roll': 2,
    'period': 2,
    'ceremony': 3,
    'dealer': 3,
    'complaint': 4,
    'key': 5,
    'ballot': 6,
    'board-head': 6,
    'attendance': 7,
    'cancellation': 8,
    'group-input': 9,
    'withheld': 9,
    'shuffle': 9,
    'partial-decryption': 9,
    'decryption': 9,
    'counts': 9,
    'hybrid-receipt-log': 10,
    'hybrid-count': 10,
}
ONCE = {'parameters', 'election', 'ceremony', 'key'}
ELECTION, CEREMONY, KEY, BALLOTS, COUNTING = 1, 3, 5, 6, 9


def check_order(seen, phase, e, loc):
    t = e['type']
    p = PHASE.get(t)
    if p is None:
        fail('format', loc, 'unknown entry type %s' % t)
    if t == 'ceremony':
        ensure('ceremony' not in seen, 'ceremony', loc, 'a second key ceremony transcript')
    if t in ONCE:
        ensure(t not in seen, 'order', loc, 'a second %s entry' % t)
    if p >= CEREMONY and t != 'ceremony':
        ensure(
            'ceremony' in seen,
            'ceremony',
            loc,
            "%s entry before the key ceremony's transcript (the record has none before it)" % t,
        )
    if p < phase[0]:
        before = next((k for k, q in PHASE.items() if q > p and k in seen), 'a later step')
        fail('order', loc, '%s after %s' % (t, before))
    if p > ELECTION and 'election' not in seen:
        fail('order', loc, '%s before the election definition' % t)
    if p > KEY and 'key' not in seen:
        fail('order', loc, '%s before the election key' % t)
    seen[t] = seen.get(t, 0) + 1
    phase[0] = p


# ---------------------------------------------------------------------------------------------
# PVs (`--pv DIR`): every PV carries exactly the figures derived from the record, and its head.


def pv_lists(c, legal):
    lists = []
    for lst in legal['lists']:
        d = c['lists'].get(lst['number'])
        lists.append(
            {
                'number': lst['number'],
                'name': d['name'] if d else '',
                'categories': {'B': lst['B'], 'C': lst['C'], 'D': lst['D'], 'E': lst['E']},
                'total': lst['total'],
                'effectives': [
                    {'position': i + 1, 'name': d['effectives'][i] if d else '', 'votes': v}
                    for i, v in enumerate(lst['effectives'])
                ],
                'substitutes': [
                    {'position': i + 1, 'name': d['substitutes'][i] if d else '', 'votes': v}
                    for i, v in enumerate(lst['substitutes'])
                ],
            }
        )
    return lists


def expected_pv(s, head, segment_id):
    seg = s.segments.get(segment_id)
    if seg is None:
        fail('pv', segment_id, 'not a roll segment of this record')
    group = s.group_of.get(segment_id, segment_id)
    if group != segment_id:
        fail('pv', segment_id, 'counted with %s (minimum anonymity set): its figures are in that PV' % group)
    members = s.members.get(group, [group])
    cancelled = {}
    superseded = received = registered = 0
    for m in members:
        ids = s.cast_order.get(m, [])
        received += len(ids)
        sg = s.segments.get(m)
        registered += sg['voters'] if sg else 0
        for i in ids:
            reason = s.cancelled.get(i)
            if reason == 'superseded':
                superseded += 1
            elif reason is not None:
                cancelled[reason] = cancelled.get(reason, 0) + 1
    withheld = s.withheld.get(group)
    c = s.constituencies.get(seg['constituency'])
    if withheld is None:
        legal = s.legal.get(group)
    else:
        legal = legal_count(c, []) if c is not None else None
    if legal is None or c is None:
        fail('pv', segment_id, 'the group has no verified count')
    lists = pv_lists(c, legal)
    return {
        'electionId': s.election_id,
        'groupId': segment_id,
        'constituency': seg['constituency'],
        'mode': seg['mode'],
        'category': seg['category'],
        'recordHash': head,
        'registeredVoters': registered,
        'received': received,
        'superseded': superseded,
        'cancelled': cancelled,
        'counted': received - superseded - sum(cancelled.values()) - (withheld or 0),
        'withheld': withheld or 0,
        'mergedInto': None,
        'mergedFrom': sorted((m for m in members if m != group), key=ec._utf16_key),
        'valid': legal['valid'],
        'blank': legal['blank'],
        'invalid': legal['invalid'],
        'invalidByRule': legal['invalidByRule'],
        'lists': lists,
    }


def comparable(pv):
    g = lambda k: pv.get(k, MISSING)  # noqa: E731
    c = g('constituency')
    merged = g('mergedFrom')
    return {
        'electionId': g('electionId'),
        'groupId': g('groupId'),
        'constituency': c.get('code', MISSING) if is_obj(c) else c,
        'mode': g('mode'),
        'category': g('category'),
        'recordHash': g('recordHash'),
        'registeredVoters': g('registeredVoters'),
        'received': g('received'),
        'superseded': g('superseded'),
        'cancelled': g('cancelled'),
        'counted': g('counted'),
        'withheld': g('withheld'),
        'mergedInto': g('mergedInto'),
        'mergedFrom': sorted(merged, key=lambda x: ec._utf16_key(str(x))) if isinstance(merged, list) else merged,
        'valid': g('valid'),
        'blank': g('blank'),
        'invalid': g('invalid'),
        'invalidByRule': g('invalidByRule'),
        'lists': g('lists'),
    }


def expected_hybrid_pv(s, box_id, box):
    constituency, category = box_id.split('/', 1)
    count = box['count']
    legal = count['legal']
    cancelled = dict(box['setAside'])
    if box['cancelled']:
        cancelled['voted-at-polling-station'] = cancelled.get('voted-at-polling-station', 0) + box['cancelled']
    expected = box['accepted'] - box['cancelled']
    return {
        'electionId': s.election_id,
        'groupId': '%s/hybrid/%s' % (constituency, category),
        'constituency': constituency,
        'mode': 'hybrid',
        'category': category,
        'received': box['received'],
        'superseded': 0,
        'cancelled': cancelled,
        'counted': count['ballots'],
        'withheld': 0,
        'valid': legal['valid'],
        'blank': legal['blank'],
        'invalid': legal['invalid'],
        'invalidByRule': legal['invalidByRule'],
        'lists': pv_lists(s.constituencies[constituency], legal),
        'reception': {
            'received': box['received'],
            'accepted': box['accepted'],
            'setAside': box['setAside'],
            'cancelled': box['cancelled'],
            'unknownCodesAtOffice': box['unknown'],
        },
        'reconciliation': {
            'expected': expected,
            'encoded': count['ballots'],
            'difference': count['ballots'] - expected,
            'explanation': count['explanation'],
        },
    }


def comparable_hybrid(pv):
    g = lambda k: pv.get(k, MISSING)  # noqa: E731
    c = g('constituency')
    r = g('reconciliation')
    r = r if is_obj(r) else {}
    e = r.get('explanation', MISSING)
    keys = ('electionId', 'groupId', 'mode', 'category', 'received', 'superseded', 'cancelled', 'counted', 'withheld')
    out = {k: g(k) for k in keys}
    out.update({k: g(k) for k in ('valid', 'blank', 'invalid', 'invalidByRule', 'lists', 'reception')})
    out['constituency'] = c.get('code', MISSING) if is_obj(c) else c
    out['reconciliation'] = {
        'expected': r.get('expected', MISSING),
        'encoded': r.get('encoded', MISSING),
        'difference': r.get('difference', MISSING),
        'explanation': e.get('text', MISSING) if is_obj(e) else e,
    }
    return out


def check_hybrid_pv(s, name, pv, before):
    c = pv.get('constituency')
    code = c.get('code') if is_obj(c) else c
    box_id = '%s/%s' % (code, pv.get('category'))
    box = s.hybrid.get(box_id)
    ensure(box is not None and box['count'] is not None, 'pv', name, 'the record has no hybrid box %s' % box_id)
    h = pv.get('recordHash')
    ensure(h is None or h in before, 'pv', name, "recordHash %s is not a head of the record before this box's entries" % h)
    diff = first_difference(expected_hybrid_pv(s, box_id, box), comparable_hybrid(pv), 'pv')
    ensure(diff is None, 'pv', '%s (%s)' % (name, box_id), "differs from the record's hybrid box at %s" % diff)


def record_heads(entries):
    """The heads a PV may carry (from the last electronic entry on) and where each hybrid box's log stands among them."""
    end = next((i for i, e in enumerate(entries) if e['type'].startswith('hybrid-')), len(entries))
    start = max(0, end - 1)
    heads = [e['hash'] for e in entries[start:]]
    logs = {}
    for i, e in enumerate(entries[start:]):
        if e['type'] == 'hybrid-receipt-log' and is_obj(e['payload']):
            logs['%s/%s' % (e['payload'].get('constituency'), e['payload'].get('category'))] = i
    return heads, logs


def check_pvs(s, heads, pvs):
    """Every PV given; with an electronic one, every counting set with ballots has its PV; with a hybrid one, every box."""
    electronic_heads, logs = heads
    seen = set()
    electronic = hybrid = 0
    for name, pv in pvs:
        ensure(is_obj(pv) and pv.get('format') == 'isoloir-pv/1', 'pv', name, 'not a PV (format isoloir-pv/1)')
        segment = pv['groupId'] if isinstance(pv.get('groupId'), str) else ''
        ensure(segment not in seen, 'pv', name, 'a second PV for %s' % segment)
        seen.add(segment)
        if pv.get('mode') == 'hybrid':
            hybrid += 1
            c = pv.get('constituency')
            code = c.get('code') if is_obj(c) else c
            at = logs.get('%s/%s' % (code, pv.get('category')), 0)
            check_hybrid_pv(s, name, pv, electronic_heads[:at])
            continue
        electronic += 1
        head = pv.get('recordHash') if isinstance(pv.get('recordHash'), str) else ''
        ensure(
            head in electronic_heads,
            'pv',
            name,
            'recordHash %s is not a head of the record once its electronic entries are all in' % head,
        )
        diff = first_difference(expected_pv(s, head, segment), comparable(pv), 'pv')
        ensure(diff is None, 'pv', '%s (%s)' % (name, segment), 'differs from the verified record at %s' % diff)
    if electronic:
        for group, members in s.members.items():
            if any(s.cast_order.get(m) for m in members):
                ensure(group in seen, 'pv', 'group ' + group, 'no PV for the counting set %s' % group)
    if hybrid:
        for box_id in s.hybrid:
            constituency, category = box_id.split('/', 1)
            gid = '%s/hybrid/%s' % (constituency, category)
            ensure(gid in seen, 'pv', 'hybrid box ' + gid, 'no PV for the hybrid box %s' % gid)


# ---------------------------------------------------------------------------------------------
# The whole record.

ENTRY_FIELDS = ('seq', 'type', 'parent', 'hash', 'payload')


def read_entries(record):
    if not is_obj(record):
        fail('format', 'record', 'expected an object')
    for k in record:
        ensure(k in ('format', 'entries'), 'schema', 'record.' + k, 'unknown field ' + k)
    ensure(record.get('format') == RECORD_FORMAT, 'format', 'record', 'unsupported format (expected %s)' % RECORD_FORMAT)
    if 'entries' not in record:
        fail('format', 'record', 'missing field entries')
    entries = record['entries']
    if not isinstance(entries, list):
        fail('format', 'record', 'expected an array')
    out = []
    for i, e in enumerate(entries):
        loc = 'entry %d' % i
        if not is_obj(e):
            fail('format', loc, 'expected an object')
        for k in e:
            ensure(k in ENTRY_FIELDS, 'schema', '%s.%s' % (loc, k), 'unknown field ' + k)
        for k in ENTRY_FIELDS:
            if k not in e:
                fail('format', loc, 'missing field ' + k)
        if not is_int(e['seq']):
            fail('format', loc, 'expected an integer')
        for k in ('type', 'parent', 'hash'):
            if not isinstance(e[k], str):
                fail('format', loc, 'expected a string')
        out.append(e)
    return out


def entry_hash(e):
    return ec.H('isoloir/v1/record-entry', e['seq'], e['type'], e['parent'], ec.canonical_json(e['payload'])).hex()


def check_chain(entries):
    parent = ''
    for i, e in enumerate(entries):
        loc = 'entry %d (%s)' % (i, e['type'])
        ensure(e['seq'] == i, 'chain', loc, 'sequence number out of order')
        ensure(e['parent'] == parent, 'chain', loc, 'parent link does not match the previous entry’s hash')
        ensure(entry_hash(e) == e['hash'], 'chain', loc, 'entry hash does not match its content')
        parent = e['hash']


def check_published_head(entries, head, published):
    if published == head:
        return
    for e in entries:
        if e['type'] == 'board-head' and is_obj(e['payload']) and e['payload'].get('hash') == published:
            return
    at = next((i for i, e in enumerate(entries) if e['hash'] == published), -1)
    if at >= 0:
        fail(
            'head',
            'record',
            "the published head %s is the hash of entry %d, not of this record's last entry: this record does not "
            'end where the published one did (truncated, or forked after that entry)' % (published, at),
        )
    fail(
        'head',
        'record',
        "the published head %s is neither this record's final head nor one of its signed board heads: another "
        '(forked) record' % published,
    )


class Unsupported(Exception):
    pass


def initial_state(entries, board_key):
    first = entries[0] if entries else None
    if first is None or first['type'] != 'parameters':
        fail('order', 'entry 0', 'the record must start with the parameters')
    loc = 'entry 0 (parameters)'
    check_shape(first['payload'], PAYLOADS['parameters'], loc + ' payload')
    p = first['payload']
    ensure(p['group'] in ('secp256k1', 'ristretto255'), 'parameters', loc, 'unknown group %s' % p['group'])
    if p['group'] != 'secp256k1':
        raise Unsupported('this verifier implements secp256k1 only; the record uses %s' % p['group'])
    layout = p['layout']
    ensure(p['width'] == width_of(layout), 'parameters', loc, 'width does not match the layout')
    ensure(1 <= p['threshold'] <= p['trustees'], 'parameters', loc, 'threshold out of range')
    return State(p['electionId'], p['threshold'], p['trustees'], layout, p['width'], board_key)


def read_linked(record, where, wanted):
    """A linked election's record (--linked): its election id and, of its ballots, those named by
    the evidence. Its own chain, proofs and counts are its own verification's."""
    entries = record.get('entries') if isinstance(record, dict) else None
    entries = entries if isinstance(entries, list) else []
    first = entries[0] if entries else None
    params = first.get('payload') if isinstance(first, dict) else None
    election_id = params.get('electionId') if isinstance(params, dict) else None
    ensure(
        isinstance(first, dict) and first.get('type') == 'parameters' and isinstance(election_id, str),
        'cancellation-evidence',
        where,
        'not an election record: its first entry is not its parameters',
    )
    ballots = {}
    for e in entries[1:]:
        p = e.get('payload') if isinstance(e, dict) else None
        if not isinstance(e, dict) or e.get('type') != 'ballot' or not isinstance(p, dict):
            continue
        bid = p.get('ballotId')
        if isinstance(bid, str) and bid in wanted and bid not in ballots:
            ballots[bid] = (p.get('constituency'), p.get('receivedAt'))
    return election_id, ballots


def check_linked_records(s, linked):
    """Each french-language-group evidence naming the election of a linked record given: that record
    holds the ballot, in that constituency, received at that time. Returns (cancellations, checked)."""
    wanted = set(e['ballotId'] for e in s.linked.values())
    read = {}
    for name, record in linked:
        election_id, ballots = read_linked(record, 'linked record %s' % name, wanted)
        mine = read.setdefault(election_id, {})
        for bid, f in ballots.items():
            mine.setdefault(bid, f)
    checked = 0
    for e in s.linked.values():
        ballots = read.get(e['electionId'])
        if ballots is None:
            continue
        found = ballots.get(e['ballotId'])
        ensure(
            found is not None,
            'cancellation-evidence',
            e['where'],
            'the record of %s holds no ballot %s' % (e['electionId'], e['ballotId']),
        )
        constituency, received = found
        ensure(
            constituency == e['constituency'],
            'cancellation-evidence',
            e['where'],
            'ballot %s of %s is of constituency %s, not %s'
            % (e['ballotId'], e['electionId'], constituency, e['constituency']),
        )
        ensure(
            isinstance(received, str) and iso_ms(received) is not None and iso_ms(received) == iso_ms(e['receivedAt']),
            'cancellation-evidence',
            e['where'],
            'ballot %s of %s was received at %s, not %s' % (e['ballotId'], e['electionId'], received, e['receivedAt']),
        )
        checked += 1
    return len(s.linked), checked


def verify_record(record, head=None, pvs=None, board_key=None, linked=()):
    """{'ok': True, 'summary': …} or {'ok': False, 'check', 'location', 'message'}."""
    try:
        entries = read_entries(record)
        check_chain(entries)
        final = entries[-1]['hash'] if entries else ''
        published = head.lower() if head is not None else None
        if published is not None:
            check_published_head(entries, final, published)
        s = initial_state(entries, board_key)
        seen = {'parameters': 1}
        phase = [0]
        for e in entries[1:]:
            loc = 'entry %d (%s)' % (e['seq'], e['type'])
            check_order(seen, phase, e, loc)
            check_shape(e['payload'], PAYLOADS[e['type']], loc + ' payload')
            if phase[0] > BALLOTS and not s.board_complete:
                check_board_complete(s)
            if phase[0] >= COUNTING and not s.voters_checked:
                check_voters(s)
            HANDLERS[e['type']](s, e['payload'], loc)
            if e['type'] == 'ballot':
                check_ballot_time(s, e['payload'], loc)
                note_ballot(s, e['payload'])
        ensure(
            'ceremony' in seen,
            'ceremony',
            'record',
            'no key ceremony transcript entry: nothing shows how the election key was made, nor who may shuffle '
            'and decrypt',
        )
        ensure('key' in seen, 'order', 'record', 'no election key entry')
        if not s.voters_checked:
            check_voters(s)
        for seg_id, seg in s.segments.items():
            g = s.group_of.get(seg_id)
            ensure(
                g is not None,
                'group-missing',
                'group ' + seg_id,
                'roll segment with %d voters is counted in no group' % seg['voters'],
            )
            if g in s.withheld:
                continue
            ensure(g in s.counted, 'completeness', 'group ' + g, 'group has no counts (missing shuffle, decryption or counts)')
        if not s.board_complete:
            check_board_complete(s)
        linked_cancellations, linked_checked = check_linked_records(s, linked)
        if pvs is not None:
            check_pvs(s, record_heads(entries), pvs)
        summary = {
            'entries': len(entries),
            'ballots': len(s.ballots),
            'groups': len(s.members),
            'shuffles': s.shuffles,
            'head': final,
            'pvs': len(pvs) if pvs is not None else 0,
            'linked': {'cancellations': linked_cancellations, 'checked': linked_checked},
        }
        if published is not None:
            board = next((h for h in s.heads if h['hash'] == published), None)
            summary['headMatch'] = None if published == final or board is None else board
        return {'ok': True, 'summary': summary}
    except CheckFailed as e:
        return {'ok': False, 'check': e.check, 'location': e.location, 'message': e.message}


USAGE = 'usage: verify.py RECORD [--pv DIR] [--head HASH] [--board-key HEX] [--linked RECORD]...'


def parse_args(argv):
    opts = {'record': None, 'pv': None, 'head': None, 'board_key': None, 'linked': []}
    i = 0
    names = {'--pv': 'pv', '--head': 'head', '--board-key': 'board_key', '--linked': 'linked'}

    def put(k, v):
        if k == 'linked':
            opts[k].append(v)
        else:
            opts[k] = v

    while i < len(argv):
        a = argv[i]
        if a in names and i + 1 < len(argv):
            put(names[a], argv[i + 1])
            i += 2
        elif '=' in a and a.split('=', 1)[0] in names:
            k, v = a.split('=', 1)
            put(names[k], v)
            i += 1
        elif not a.startswith('--') and opts['record'] is None:
            opts['record'] = a
            i += 1
        else:
            return None
    return opts if opts['record'] is not None else None


def main(argv):
    opts = parse_args(argv)
    if opts is None:
        sys.stderr.write(USAGE + '\n')
        return 2
    try:
        with open(opts['record'], encoding='utf-8') as f:
            record = json.load(f, parse_float=parse_float, parse_constant=parse_constant)
        pvs = None
        if opts['pv'] is not None:
            pvs = []
            for name in sorted((n for n in os.listdir(opts['pv']) if n.endswith('.json')), key=ec._utf16_key):
                with open(os.path.join(opts['pv'], name), encoding='utf-8') as f:
                    pvs.append((name, json.load(f, parse_float=parse_float, parse_constant=parse_constant)))
    except (OSError, ValueError) as e:
        sys.stderr.write('cannot read %s: %s\n' % (opts['record'], e))
        return 2
    linked = []
    for name in opts['linked']:
        try:
            with open(name, encoding='utf-8') as f:
                linked.append((name, json.load(f, parse_float=parse_float, parse_constant=parse_constant)))
        except (OSError, ValueError) as e:
            sys.stderr.write('cannot read %s: %s\n' % (name, e))
            return 2
    try:
        result = verify_record(record, opts['head'], pvs, opts['board_key'], linked)
    except Unsupported as e:
        sys.stderr.write('%s\n' % e)
        return 2
    if result['ok']:
        sm = result['summary']
        note = ''
        if opts['pv'] is not None:
            note += '; %d PVs equal the verified figures' % sm['pvs']
        if opts['head'] is not None:
            b = sm['headMatch']
            if b is None:
                note += "; the published head is this record's final head"
            else:
                note += (
                    '; the published head is board head #%d (%s, published %s, signed by key %s), and this record '
                    'extends it' % (b['seq'], b['kind'], b['publishedAt'], b['keyId'])
                )
        lk = sm['linked']

        def cancellations(k):
            return '%d french-language-group cancellation%s' % (k, '' if k == 1 else 's')

        if lk['checked']:
            note += '; %s checked against the linked record' % cancellations(lk['checked'])
        if lk['cancellations'] > lk['checked']:
            note += "; %s resting on another election's record, not read (--linked)" % cancellations(
                lk['cancellations'] - lk['checked']
            )
        sys.stdout.write(
            'OK: %d entries, %d ballots, %d groups, %d shuffles; head %s%s\n'
            % (sm['entries'], sm['ballots'], sm['groups'], sm['shuffles'], sm['head'], note)
        )
        return 0
    sys.stdout.write('FAILED %s at %s: %s\n' % (result['check'], result['location'], result['message']))
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
