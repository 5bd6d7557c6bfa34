"""Cryptography of the isoloir protocol, written from packages/crypto/PROTOCOL.md only.

Python 3 standard library only: secp256k1 from its public parameters (SEC 2), the injective
SHA-512 hash encoding (§2), hash to element (§2), Ed25519 verification (RFC 8032 §5.1.7),
canonical JSON (§8), Merkle roots (§8), the board's hashes (§9). No code is shared with the
TypeScript packages.
"""

import hashlib
import json
import re

# ---------------------------------------------------------------------------------------------
# secp256k1 (SEC 2, §2.4.1): y² = x³ + 7 over F_p, prime order n, cofactor 1.

P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
GX = 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798
GY = 0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8
G = (GX, GY)
GROUP_NAME = 'secp256k1'
ELEMENT_SIZE = 33
IDENTITY_ENCODING = bytes(33)
SQRT_EXP = (P + 1) // 4  # p ≡ 3 (mod 4)

# Affine points are (x, y) tuples; the identity is None. Jacobian points are (X, Y, Z), Z = 0 at infinity.
INF = (1, 1, 0)


def decode_point(b):
    """Strict SEC 1 compressed decoding (PROTOCOL.md §1): 02/03 ‖ x with x < p on the curve, or
    33 zero bytes for the identity. Returns (ok, point)."""
    if len(b) != 33:
        return False, None
    if b == IDENTITY_ENCODING:
        return True, None
    prefix = b[0]
    if prefix != 2 and prefix != 3:
        return False, None
    x = int.from_bytes(b[1:], 'big')
    if x >= P:
        return False, None
    y2 = (x * x * x + 7) % P
    y = pow(y2, SQRT_EXP, P)
    if y * y % P != y2:
        return False, None
    if (y & 1) != (prefix & 1):
        y = P - y
    return True, (x, y)


def encode_point(pt):
    if pt is None:
        return IDENTITY_ENCODING
    x, y = pt
    return bytes([2 | (y & 1)]) + x.to_bytes(32, 'big')


def jdouble(p1):
    X, Y, Z = p1
    if Z == 0 or Y == 0:
        return INF
    YY = Y * Y % P
    S = 4 * X * YY % P
    M = 3 * X * X % P
    X3 = (M * M - 2 * S) % P
    Y3 = (M * (S - X3) - 8 * YY * YY) % P
    Z3 = 2 * Y * Z % P
    return (X3, Y3, Z3)


def jadd_affine(p1, q):
    """Jacobian + affine (q not the identity)."""
    X1, Y1, Z1 = p1
    x2, y2 = q
    if Z1 == 0:
        return (x2, y2, 1)
    Z1Z1 = Z1 * Z1 % P
    U2 = x2 * Z1Z1 % P
    S2 = y2 * Z1 * Z1Z1 % P
    H = (U2 - X1) % P
    R = (S2 - Y1) % P
    if H == 0:
        if R == 0:
            return jdouble(p1)
        return INF
    HH = H * H % P
    HHH = H * HH % P
    V = X1 * HH % P
    X3 = (R * R - HHH - 2 * V) % P
    Y3 = (R * (V - X3) - Y1 * HHH) % P
    Z3 = Z1 * H % P
    return (X3, Y3, Z3)


def jadd(p1, p2):
    X1, Y1, Z1 = p1
    X2, Y2, Z2 = p2
    if Z1 == 0:
        return p2
    if Z2 == 0:
        return p1
    Z1Z1 = Z1 * Z1 % P
    Z2Z2 = Z2 * Z2 % P
    U1 = X1 * Z2Z2 % P
    U2 = X2 * Z1Z1 % P
    S1 = Y1 * Z2 * Z2Z2 % P
    S2 = Y2 * Z1 * Z1Z1 % P
    H = (U2 - U1) % P
    R = (S2 - S1) % P
    if H == 0:
        if R == 0:
            return jdouble(p1)
        return INF
    HH = H * H % P
    HHH = H * HH % P
    V = U1 * HH % P
    X3 = (R * R - HHH - 2 * V) % P
    Y3 = (R * (V - X3) - S1 * HHH) % P
    Z3 = Z1 * Z2 * H % P
    return (X3, Y3, Z3)


def to_affine(p1):
    X, Y, Z = p1
    if Z == 0:
        return None
    zi = pow(Z, -1, P)
    zi2 = zi * zi % P
    return (X * zi2 % P, Y * zi2 * zi % P)


def batch_to_affine(points):
    """Jacobian → affine for many points with one inversion (Montgomery's trick)."""
    acc = []
    prod = 1
    for X, Y, Z in points:
        acc.append(prod)
        if Z != 0:
            prod = prod * Z % P
    inv = pow(prod, -1, P) if prod != 1 else 1
    out = [None] * len(points)
    for i in range(len(points) - 1, -1, -1):
        X, Y, Z = points[i]
        if Z == 0:
            continue
        zi = inv * acc[i] % P
        inv = inv * Z % P
        zi2 = zi * zi % P
        out[i] = (X * zi2 % P, Y * zi2 * zi % P)
    return out


def neg(pt):
    return None if pt is None else (pt[0], (P - pt[1]) % P)


def add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return to_affine(jadd_affine((a[0], a[1], 1), b))


def mul(pt, k):
    """k·pt for an affine point (variable base): signed 4-bit windows (wNAF-like), Jacobian."""
    k %= N
    if pt is None or k == 0:
        return None
    return to_affine(jmul(pt, k))


def _naf5(k):
    """Width-5 NAF of k as sparse (position, digit) pairs, odd digits in −15…15: after a digit the
    next four are zero, and runs of zero bits are skipped at once."""
    out = []
    i = 0
    while k:
        if not k & 1:
            tz = (k & -k).bit_length() - 1
            k >>= tz
            i += tz
        d = k & 31
        if d >= 16:
            d -= 32
        out.append((i, d))
        k = (k - d) >> 5
        i += 5
    return out


def _odd_multiples(points):
    """For each affine point P: [P, 3P, …, 15P] (affine), one inversion for all."""
    jac = []
    for pt in points:
        base = (pt[0], pt[1], 1)
        two = jdouble(base)
        row = [base]
        for _ in range(7):
            row.append(jadd(row[-1], two))
        jac.extend(row)
    aff = batch_to_affine(jac)
    return [aff[8 * i : 8 * i + 8] for i in range(len(points))]


def _straus(pairs):
    """Σ kᵢ·Pᵢ with interleaved width-5 NAFs: one chain of doublings for all terms (small sums)."""
    tables = _odd_multiples([p for p, _ in pairs])
    steps = {}
    for (_, k), tab in zip(pairs, tables):
        for i, d in _naf5(k):
            q = tab[(d if d > 0 else -d) >> 1]
            steps.setdefault(i, []).append(q if d > 0 else (q[0], P - q[1]))
    acc = INF
    for i in range(max(steps, default=-1), -1, -1):
        acc = jdouble(acc)
        for q in steps.get(i, ()):
            acc = jadd_affine(acc, q)
    return acc


def jmul(pt, k):
    return _straus([(pt, k % N)])


class FixedBase:
    """k·B for a fixed base B: 6-bit windows, table of d·2⁶ⁱ·B (affine, 43 × 63 points, built in
    a few tens of milliseconds), then at most 43 mixed additions per product."""

    BITS = 6

    def __init__(self, pt):
        self.table = []
        base = pt
        for _ in range((256 + self.BITS - 1) // self.BITS):
            row = [(base[0], base[1], 1)]
            for _ in range((1 << self.BITS) - 2):
                row.append(jadd_affine(row[-1], base))
            self.table.append([None] + batch_to_affine(row))
            base = _times_pow2(base, self.BITS)

    def jmul(self, k):
        k %= N
        acc = INF
        i = 0
        mask = (1 << self.BITS) - 1
        while k:
            d = k & mask
            if d:
                acc = jadd_affine(acc, self.table[i][d])
            k >>= self.BITS
            i += 1
        return acc

    def mul(self, k):
        return to_affine(self.jmul(k))


def _times_pow2(pt, bits):
    acc = (pt[0], pt[1], 1)
    for _ in range(bits):
        acc = jdouble(acc)
    return to_affine(acc)


_G_TABLE = None


def g_table():
    global _G_TABLE
    if _G_TABLE is None:
        _G_TABLE = FixedBase(G)
    return _G_TABLE


def msm(points, scalars):
    """Σ kᵢ·Pᵢ (affine points, identity allowed) by Pippenger's bucket method; returns affine."""
    pairs = [(p, k % N) for p, k in zip(points, scalars) if p is not None and k % N != 0]
    if not pairs:
        return None
    n = len(pairs)
    c = min(14, max(4, n.bit_length() - 3))
    windows = (256 + c - 1) // c
    if 256 + n * 52 <= windows * (n + (2 << c)) + 256:
        return to_affine(_straus(pairs))
    mask = (1 << c) - 1
    total = INF
    for w in range(windows - 1, -1, -1):
        for _ in range(c):
            total = jdouble(total)
        shift = w * c
        buckets = {}
        for p, k in pairs:
            d = (k >> shift) & mask
            if d:
                b = buckets.get(d)
                if b is None:
                    buckets[d] = (p[0], p[1], 1)
                else:
                    buckets[d] = jadd_affine(b, p)
        if not buckets:
            continue
        running = INF
        window_sum = INF
        for d in range(max(buckets), 0, -1):
            b = buckets.get(d)
            if b is not None:
                running = jadd(running, b)
            window_sum = jadd(window_sum, running)
        total = jadd(total, window_sum)
    return to_affine(total)


# ---------------------------------------------------------------------------------------------
# Hashing (PROTOCOL.md §2): SHA-512 over items tag ‖ u32be(length) ‖ content.


def _item(x, out):
    if isinstance(x, (bytes, bytearray)):
        out.append(b'\x01' + len(x).to_bytes(4, 'big'))
        out.append(bytes(x))
    elif isinstance(x, str):
        b = x.encode('utf-8')
        out.append(b'\x02' + len(b).to_bytes(4, 'big'))
        out.append(b)
    elif isinstance(x, bool):
        raise TypeError('hash: a boolean is not a hash input')
    elif isinstance(x, int):
        if x < 0:
            raise ValueError('hash: negative integer')
        b = x.to_bytes((x.bit_length() + 7) // 8, 'big')
        out.append(b'\x03' + len(b).to_bytes(4, 'big'))
        out.append(b)
    elif isinstance(x, (list, tuple)):
        out.append(b'\x04' + len(x).to_bytes(4, 'big'))
        for y in x:
            _item(y, out)
    else:
        raise TypeError('hash: unsupported input %r' % (type(x),))


class Hasher:
    """H(label, x₁, …) built one item at a time (the "items appended to one stream" of §6, §7)."""

    def __init__(self, label):
        self.h = hashlib.sha512()
        self.add(label)

    def add(self, x):
        out = []
        _item(x, out)
        self.h.update(b''.join(out))

    def add_element_bytes(self, b):
        self.h.update(b'\x01' + len(b).to_bytes(4, 'big') + b)

    def digest(self):
        return self.h.digest()


def H(label, *xs):
    out = []
    _item(label, out)
    for x in xs:
        _item(x, out)
    return hashlib.sha512(b''.join(out)).digest()


def Hq(label, *xs):
    return int.from_bytes(H(label, *xs), 'big') % N


def hash_to_element(label, *xs):
    """§2: first counter c whose 02 ‖ H(label, x…, c)[0..32] decodes to a non-identity element."""
    c = 0
    while True:
        d = H(label, *xs, c)
        ok, pt = decode_point(b'\x02' + d[:32])
        if ok and pt is not None:
            return pt
        c += 1


_H0 = None
_GENS = []


def h0():
    global _H0
    if _H0 is None:
        _H0 = hash_to_element('isoloir/v1/shuffle-generator', GROUP_NAME, 'h0')
    return _H0


def generators(count):
    """h₁ … h_count (§6), cached."""
    while len(_GENS) < count:
        _GENS.append(hash_to_element('isoloir/v1/shuffle-generator', GROUP_NAME, len(_GENS) + 1))
    return _GENS[:count]


# ---------------------------------------------------------------------------------------------
# Canonical JSON (§8): keys sorted, no whitespace; strings and numbers written as JSON.stringify.


_SURROGATE = re.compile('[\ud800-\udfff]')


def _json_string(s):
    if _SURROGATE.search(s) is None:
        return json.dumps(s, ensure_ascii=False)  # the same escapes as JSON.stringify, in C
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == '\\':
            out.append('\\\\')
        elif o < 0x20:
            out.append({8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r'}.get(o, '\\u%04x' % o))
        elif 0xD800 <= o <= 0xDFFF:
            out.append('\\u%04x' % o)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _utf16_key(s):
    return s.encode('utf-16-be')


def canonical_json(v):
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v or v in (float('inf'), float('-inf')):
            return 'null'
        if v.is_integer() and abs(v) < 1e21:
            return str(int(v))
        r = repr(v)
        return r
    if isinstance(v, str):
        return _json_string(v)
    if isinstance(v, list):
        return '[' + ','.join(canonical_json(x) for x in v) + ']'
    if isinstance(v, dict):
        keys = sorted(v.keys(), key=_utf16_key)
        return '{' + ','.join(_json_string(k) + ':' + canonical_json(v[k]) for k in keys) + '}'
    raise TypeError('not JSON')


# ---------------------------------------------------------------------------------------------
# Merkle root (§8), tracking code and board head hash (§9), digests of §7a.


def merkle_root(ids):
    if not ids:
        return H('isoloir/v1/merkle-empty').hex()
    level = [H('isoloir/v1/merkle-leaf', i) for i in ids]
    while len(level) > 1:
        up = [H('isoloir/v1/merkle-node', level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2 == 1:
            up.append(level[-1])
        level = up
    return level[0].hex()


def key_fingerprint(pk_bytes):
    return H('isoloir/v1/key-fingerprint', GROUP_NAME, pk_bytes)[:16].hex()


def tracking_code(election_id, constituency, ciphertexts, proof):
    body = {
        'electionId': election_id,
        'constituency': constituency,
        'ciphertexts': ciphertexts,
        'proof': {'challenge': proof['challenge'], 'responses': proof['responses']},
    }
    return hashlib.sha256(('isoloir/v1/tracking-code\n' + canonical_json(body)).encode('utf-8')).hexdigest()


def board_head_hash(election_id, seq, kind, previous, published_at, fingerprint, total, codes):
    return H(
        'isoloir/v1/board-head', election_id, seq, kind, previous, published_at, fingerprint, total, sorted(codes)
    ).hex()


def rows_digest(rows):
    """D(rows) of §7a: u32be(rows) ‖ u32be(elements in the first row) ‖ u32be(bytes of its first element) ‖ elements."""
    h = hashlib.sha512()
    width = len(rows[0]) if rows else 0
    size = len(rows[0][0]) if rows and rows[0] else 0
    h.update(len(rows).to_bytes(4, 'big') + width.to_bytes(4, 'big') + size.to_bytes(4, 'big'))
    for row in rows:
        for el in row:
            h.update(el)
    return h.hexdigest()


def proof_digest(proof):
    return hashlib.sha512(canonical_json(proof).encode('utf-8')).hexdigest()


def key_id(public_hex):
    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# Ed25519 verification, RFC 8032 §5.1 (edwards25519, extended coordinates).

EP = 2**255 - 19
EL = 2**252 + 27742317777372353535851937790883648493
ED = -121665 * pow(121666, -1, EP) % EP
SQRT_M1 = pow(2, (EP - 1) // 4, EP)


def _ed_recover_x(y, sign):
    # RFC 8032 §5.1.3: x² = (y² − 1) / (d·y² + 1)
    if y >= EP:
        return None
    u = (y * y - 1) % EP
    v = (ED * y * y + 1) % EP
    x = u * pow(v, 3, EP) * pow(u * pow(v, 7, EP), (EP - 5) // 8, EP) % EP
    vx2 = v * x * x % EP
    if vx2 == u:
        pass
    elif vx2 == (-u) % EP:
        x = x * SQRT_M1 % EP
    else:
        return None
    if x == 0 and sign == 1:
        return None
    if (x & 1) != sign:
        x = EP - x
    return x


def _ed_decode(b):
    if len(b) != 32:
        return None
    y = int.from_bytes(b, 'little')
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _ed_recover_x(y, sign)
    if x is None:
        return None
    return (x, y, 1, x * y % EP)


def _ed_add(p, q):
    X1, Y1, Z1, T1 = p
    X2, Y2, Z2, T2 = q
    A = (Y1 - X1) * (Y2 - X2) % EP
    B = (Y1 + X1) * (Y2 + X2) % EP
    C = T1 * 2 * ED * T2 % EP
    Dd = Z1 * 2 * Z2 % EP
    E = B - A
    F = Dd - C
    Gg = Dd + C
    Hh = B + A
    return (E * F % EP, Gg * Hh % EP, F * Gg % EP, E * Hh % EP)


def _ed_double(p):
    X1, Y1, Z1, _ = p
    A = X1 * X1 % EP
    B = Y1 * Y1 % EP
    C = 2 * Z1 * Z1 % EP
    Hh = A + B
    E = (Hh - (X1 + Y1) * (X1 + Y1)) % EP
    Gg = A - B
    F = C + Gg
    return (E * F % EP, Gg * Hh % EP, F * Gg % EP, E * Hh % EP)


_ED_ZERO = (0, 1, 1, 0)


def _ed_mul(k, p):
    """k·P with 4-bit windows."""
    table = [_ED_ZERO, p]
    for _ in range(14):
        table.append(_ed_add(table[-1], p))
    q = _ED_ZERO
    for shift in range(((k.bit_length() + 3) // 4) * 4 - 4, -4, -4):
        q = _ed_double(_ed_double(_ed_double(_ed_double(q))))
        d = (k >> shift) & 15
        if d:
            q = _ed_add(q, table[d])
    return q


_EB_TABLE = []


def _ed_mul_base(k):
    """k·B with a table of d·16ⁱ·B (64 × 15 points, built once)."""
    if not _EB_TABLE:
        base = _EB
        for _ in range(64):
            row = [_ED_ZERO, base]
            for _ in range(14):
                row.append(_ed_add(row[-1], base))
            _EB_TABLE.append(row)
            base = _ed_add(row[-1], base)
    q = _ED_ZERO
    i = 0
    while k:
        d = k & 15
        if d:
            q = _ed_add(q, _EB_TABLE[i][d])
        k >>= 4
        i += 1
    return q


def _ed_equal(p, q):
    return (p[0] * q[2] - q[0] * p[2]) % EP == 0 and (p[1] * q[2] - q[1] * p[2]) % EP == 0


_EGY = 4 * pow(5, -1, EP) % EP
_EB = (_ed_recover_x(_EGY, 0), _EGY, 1, _ed_recover_x(_EGY, 0) * _EGY % EP)


def ed25519_verify(public, message, signature):
    """RFC 8032 §5.1.7 (cofactored equation [8][S]B = [8]R + [8][k]A); non-canonical encodings refused."""
    if len(public) != 32 or len(signature) != 64:
        return False
    A = _ed_decode(public)
    R = _ed_decode(signature[:32])
    if A is None or R is None:
        return False
    S = int.from_bytes(signature[32:], 'little')
    if S >= EL:
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), 'little') % EL
    left = _ed_mul_base(S)
    right = _ed_add(R, _ed_mul(k, A))
    for _ in range(3):
        left = _ed_double(left)
        right = _ed_double(right)
    return _ed_equal(left, right)


def _is_hex(s, length):
    return isinstance(s, str) and len(s) == length and all(c in '0123456789abcdef' for c in s)


def signature_valid(public_hex, message_text, signature_hex):
    """Ed25519 over the UTF-8 of a message; False for a missing or malformed key or signature."""
    if signature_hex is None or not _is_hex(public_hex, 64) or not _is_hex(signature_hex, 128):
        return False
    return ed25519_verify(bytes.fromhex(public_hex), message_text.encode('utf-8'), bytes.fromhex(signature_hex))


def trustee_signature_valid(public_hex, label, body, signature_hex):
    """§7a: Ed25519 over UTF-8 of label ‖ "\\n" ‖ canonicalJson(body)."""
    return signature_valid(public_hex, label + '\n' + canonical_json(body), signature_hex)
