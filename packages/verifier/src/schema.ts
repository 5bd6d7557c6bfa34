/**
 * The strict schema of every record entry (format isoloir-record/2, PROTOCOL.md §8): exactly these
 * fields at every level, of these types. Anything else — an unknown field, a missing one, a count
 * that is not an integer — fails the `schema` check before any other check reads the payload.
 */
import { fail } from './failure.ts';

export type Shape =
  | 'string'
  | 'int'
  | 'bool'
  | 'hex'
  | { readonly enum: readonly string[] }
  | { readonly nullable: Shape }
  | { readonly array: Shape }
  | { readonly map: Shape }
  | { readonly object: Readonly<Record<string, Shape>> }
  | { readonly oneOf: readonly { readonly object: Readonly<Record<string, Shape>> }[]; readonly tag: string };

const HEX = /^[0-9a-f]*$/;

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

export function checkShape(v: unknown, shape: Shape, where: string): void {
  const bad = (what: string): never => fail('schema', where, `expected ${what}, found ${describe(v)}`);
  if (shape === 'string') {
    if (typeof v !== 'string') bad('a string');
  } else if (shape === 'int') {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) bad('a non-negative integer');
  } else if (shape === 'bool') {
    if (typeof v !== 'boolean') bad('a boolean');
  } else if (shape === 'hex') {
    if (typeof v !== 'string' || !HEX.test(v)) bad('lowercase hex');
  } else if ('enum' in shape) {
    if (typeof v !== 'string' || !shape.enum.includes(v)) bad(`one of ${shape.enum.join(', ')}`);
  } else if ('nullable' in shape) {
    if (v !== null) checkShape(v, shape.nullable, where);
  } else if ('array' in shape) {
    if (!Array.isArray(v)) bad('an array');
    (v as unknown[]).forEach((x, i) => {
      checkShape(x, shape.array, `${where}[${String(i)}]`);
    });
  } else if ('map' in shape) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) bad('an object');
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) checkShape(x, shape.map, `${where}.${k}`);
  } else if ('object' in shape) {
    checkObject(v, shape.object, where);
  } else {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) bad('an object');
    const tag = (v as Record<string, unknown>)[shape.tag];
    const variant = shape.oneOf.find((o) => {
      const t = o.object[shape.tag];
      return t !== undefined && typeof t === 'object' && 'enum' in t && typeof tag === 'string' && t.enum.includes(tag);
    });
    if (variant === undefined) fail('schema', `${where}.${shape.tag}`, `unknown ${shape.tag} ${JSON.stringify(tag)}`);
    checkObject(v, variant.object, where);
  }
}

function checkObject(v: unknown, fields: Readonly<Record<string, Shape>>, where: string): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    fail('schema', where, `expected an object, found ${describe(v)}`);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!(k in fields)) fail('schema', `${where}.${k}`, `unknown field ${k}`);
  for (const [k, s] of Object.entries(fields)) {
    if (!(k in o)) fail('schema', where, `missing field ${k}`);
    checkShape(o[k], s, `${where}.${k}`);
  }
}

const str = 'string' as const;
const int = 'int' as const;
const hex = 'hex' as const;
const hexes = { array: hex } as const;
const rows = { array: hexes } as const;
const schnorr = { object: { challenge: hex, response: hex } } as const;
const ints = { array: int } as const;

export const DECODED_BALLOT: Shape = {
  tag: 'kind',
  oneOf: [
    { object: { kind: { enum: ['blank'] } } },
    { object: { kind: { enum: ['list'] }, list: int, headBox: 'bool', effectives: ints, substitutes: ints } },
    { object: { kind: { enum: ['invalid'] }, reason: str } },
  ],
};

export const LEGAL_COUNTS: Shape = {
  object: {
    ballots: int,
    valid: int,
    blank: int,
    invalid: int,
    invalidByRule: { map: int },
    lists: {
      array: {
        object: { number: int, B: int, C: int, D: int, E: int, total: int, effectives: ints, substitutes: ints },
      },
    },
  },
};

/** Payload shape of every entry type. A type missing here is unknown (`format`). */
export const PAYLOADS: Readonly<Record<string, Shape>> = {
  parameters: {
    object: {
      electionId: str,
      group: str,
      threshold: int,
      trustees: int,
      layout: { object: { maxListNumber: int, maxEffectives: int, maxSubstitutes: int } },
      width: int,
    },
  },
  election: {
    object: {
      anonymityMinimum: int,
      constituencies: {
        array: {
          object: {
            code: str,
            seats: int,
            lists: {
              array: { object: { number: int, name: str, effectives: { array: str }, substitutes: { array: str } } },
            },
          },
        },
      },
    },
  },
  roll: {
    object: {
      constituency: str,
      mode: { enum: ['online', 'kiosk'] },
      category: { enum: ['belgium', 'abroad'] },
      voters: int,
      root: hex,
      ids: { array: str },
      publishedAt: str,
    },
  },
  period: {
    object: {
      mode: { enum: ['online', 'kiosk'] },
      opensAt: { nullable: str },
      closesAt: { nullable: str },
      openedAt: { nullable: str },
      closedAt: { nullable: str },
    },
  },
  'board-head': {
    object: {
      seq: int,
      kind: { enum: ['opening', 'periodic', 'closing'] },
      previous: hex,
      publishedAt: str,
      keyFingerprint: hex,
      total: int,
      trackingCodes: hexes,
      hash: hex,
      keyId: hex,
      signingKey: hex,
      signature: hex,
    },
  },
  ceremony: {
    object: {
      format: { enum: ['isoloir-ceremony/1'] },
      electionId: str,
      group: str,
      threshold: int,
      trustees: int,
      registrations: { array: { object: { trustee: int, signingKey: hex, encryptionKey: hex, signature: hex } } },
      posts: {
        array: {
          tag: 'kind',
          oneOf: [
            {
              object: {
                seq: int,
                trustee: int,
                kind: { enum: ['dealing'] },
                signature: hex,
                payload: {
                  object: {
                    commitments: hexes,
                    proof: schnorr,
                    shares: { array: { object: { to: int, ephemeralKey: hex, iv: hex, ciphertext: hex } } },
                  },
                },
              },
            },
            {
              object: {
                seq: int,
                trustee: int,
                kind: { enum: ['checked'] },
                signature: hex,
                payload: { object: { complaints: ints } },
              },
            },
            {
              object: {
                seq: int,
                trustee: int,
                kind: { enum: ['answer'] },
                signature: hex,
                payload: { object: { revealed: { array: { object: { to: int, share: hex } } } } },
              },
            },
            {
              object: {
                seq: int,
                trustee: int,
                kind: { enum: ['verification-key'] },
                signature: hex,
                payload: { object: { verificationKey: hex, proof: schnorr } },
              },
            },
          ],
        },
      },
      qualified: { nullable: ints },
      publicKey: { nullable: hex },
    },
  },
  dealer: { object: { dealer: int, commitments: hexes, proof: schnorr } },
  complaint: { object: { by: int, against: int, revealed: { nullable: hex } } },
  key: {
    object: {
      qualified: ints,
      publicKey: hex,
      trustees: { array: { object: { trustee: int, verificationKey: hex, proof: schnorr } } },
    },
  },
  ballot: {
    object: {
      groupId: str,
      constituency: str,
      voterId: str,
      ballotId: str,
      sequence: int,
      receivedAt: str,
      ciphertexts: hexes,
      proof: { object: { challenge: hex, responses: hexes } },
    },
  },
  attendance: { object: { station: str, sha256: hex, voters: int, root: hex, ids: { array: str } } },
  cancellation: {
    tag: 'reason',
    oneOf: [
      {
        object: {
          groupId: str,
          ballotId: str,
          reason: { enum: ['superseded'] },
          evidence: { object: { laterBallotId: str } },
        },
      },
      {
        object: {
          groupId: str,
          ballotId: str,
          reason: { enum: ['voted-at-polling-station'] },
          evidence: { object: { station: str } },
        },
      },
      {
        object: {
          groupId: str,
          ballotId: str,
          reason: { enum: ['french-language-group'] },
          evidence: { object: { electionId: str, ballotId: str, constituency: str, receivedAt: str } },
        },
      },
    ],
  },
  'group-input': { object: { groupId: str, members: { array: str }, ciphertexts: rows } },
  withheld: {
    object: {
      groupId: str,
      constituency: str,
      members: { array: str },
      size: int,
      minimum: int,
      reason: { enum: ['below-minimum-anonymity-set'] },
      ballots: { array: str },
    },
  },
  shuffle: {
    object: {
      groupId: str,
      mixNode: int,
      trustee: int,
      signature: { nullable: hex },
      outputs: rows,
      proof: {
        object: {
          commitments: hexes,
          chain: hexes,
          t1: hex,
          t2: hex,
          t3: hex,
          t4: rows,
          tHat: hexes,
          s1: hex,
          s2: hex,
          s3: hex,
          s4: hexes,
          sHat: hexes,
          sPrime: hexes,
        },
      },
    },
  },
  'partial-decryption': {
    object: { groupId: str, trustee: int, signature: { nullable: hex }, shares: rows, proof: schnorr },
  },
  decryption: { object: { groupId: str, trustees: ints, plaintexts: rows, ballots: { array: DECODED_BALLOT } } },
  counts: { object: { groupId: str, counts: LEGAL_COUNTS } },
  'hybrid-receipt-log': {
    object: {
      constituency: str,
      category: { enum: ['belgium', 'abroad'] },
      envelopes: {
        array: {
          object: {
            kcodeHash: { nullable: hex },
            receivedAt: str,
            decision: { enum: ['accepted', 'set-aside', 'cancelled'] },
            reason: { nullable: str },
            box: { nullable: { enum: ['belgium', 'abroad'] } },
            order: { nullable: int },
          },
        },
      },
    },
  },
  'hybrid-count': {
    object: {
      constituency: str,
      category: { enum: ['belgium', 'abroad'] },
      ballots: {
        array: {
          object: {
            class: { enum: ['valid', 'blank', 'invalid'] },
            rule: { nullable: str },
            list: { nullable: int },
            effectives: ints,
            substitutes: ints,
          },
        },
      },
      counts: LEGAL_COUNTS,
      explanation: { nullable: str },
    },
  },
};
