// `isoloir audit verify --heads FILE`: the database's audit chains against heads published earlier
// (GET /api/audit/heads as downloaded, or an export bundle, which carries the latest checkpoint).
// Each failure has a stable check name and its own exit code; every failing check is listed.
import { boardKeyId, verifyAuditHeadsSignature } from '@isoloir/crypto';
import { auditHeadsSchema, type AuditHeadsDocument } from '@isoloir/server/audit';
import { auditCheckpointHash, checkAuditAgainstHeads, type Store } from '@isoloir/store';

/** Check name → exit code (0: every check holds). */
export const HEADS_CHECKS = {
  /** The chains themselves (hash, link, gap, head): `isoloir audit verify` without a file. */
  chain: 1,
  /** The file is not a heads document (nor an export bundle with one). */
  'heads-file': 2,
  /** A checkpoint's content, key or signature is not the server's. */
  'heads-signature': 3,
  /** The file's checkpoints do not chain (numbers, previous hash, a chain moving backwards). */
  'heads-chain': 4,
  /** A chain is shorter than a published checkpoint shows. */
  truncated: 5,
  /** A chain's entry at a published position has another hash. */
  rewritten: 6,
  /** Entries have other global numbers than when published. */
  renumbered: 7,
  /** The database no longer holds a published checkpoint as published. */
  'checkpoint-missing': 8,
} as const;

export type HeadsCheck = keyof typeof HEADS_CHECKS;

export interface HeadsReport {
  readonly ok: boolean;
  /** The first failing check (by the order of HEADS_CHECKS' codes). */
  readonly check?: HeadsCheck;
  readonly exitCode: number;
  readonly lines: readonly string[];
}

/** A heads document from a downloaded file's text, or why not. */
export function parseHeadsFile(text: string): AuditHeadsDocument | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  // An export bundle (isoloir-export/1) carries the latest checkpoint under auditHeads.
  const inner =
    typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'isoloir-export/1'
      ? (json as { auditHeads?: unknown }).auditHeads
      : json;
  const parsed = auditHeadsSchema.safeParse(inner);
  if (!parsed.success) return `not an isoloir-audit-heads/1 document (${parsed.error.issues[0]?.message ?? ''})`;
  if (parsed.data.checkpoints.length === 0) return 'no checkpoint in it';
  return parsed.data;
}

function fileChecks(doc: AuditHeadsDocument, key: string): { check: HeadsCheck; text: string }[] {
  const problems: { check: HeadsCheck; text: string }[] = [];
  const keyId = boardKeyId(key);
  if (doc.publicKey !== key)
    problems.push({ check: 'heads-signature', text: `the file's key ${doc.publicKey} is not the server's ${key}` });
  const positions = new Map<number, bigint>();
  let before: AuditHeadsDocument['checkpoints'][number] | undefined;
  for (const cp of doc.checkpoints) {
    const name = `checkpoint #${String(cp.seq)}`;
    if (auditCheckpointHash(cp) !== cp.hash)
      problems.push({ check: 'heads-signature', text: `${name}: its content does not match its hash` });
    else if (cp.keyId !== keyId || !verifyAuditHeadsSignature(key, cp))
      problems.push({ check: 'heads-signature', text: `${name}: its signature is not the server's` });
    if (before !== undefined && (cp.seq !== before.seq + 1 || cp.previous !== before.hash))
      problems.push({ check: 'heads-chain', text: `${name} does not follow checkpoint #${String(before.seq)}` });
    if (cp.seq === 0 && cp.previous !== '')
      problems.push({ check: 'heads-chain', text: `${name}: the first checkpoint links to another` });
    for (const shard of cp.shards) {
      const position = BigInt(shard.position);
      if (position < (positions.get(shard.shard) ?? 0n))
        problems.push({ check: 'heads-chain', text: `${name}: chain ${String(shard.shard)} moved backwards` });
      positions.set(shard.shard, position);
    }
    before = cp;
  }
  return problems;
}

/** The server's receipt key as the database holds it (the default when no --key is given). */
export async function databaseReceiptKey(store: Store): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('server_keys')
    .select('public_key')
    .where('purpose', '=', 'receipt-signing')
    .executeTakeFirst();
  return row?.public_key ?? undefined;
}

/**
 * Checks the database's audit log against a published heads document, with the server's key `key`
 * (hex); `chain` is the log's own check (`auditReport`, ./audit.ts).
 */
export async function checkAgainstHeads(
  store: Store,
  doc: AuditHeadsDocument,
  key: string,
  chain: { readonly ok: boolean; readonly text: string },
): Promise<HeadsReport> {
  const problems = fileChecks(doc, key);
  if (!chain.ok) problems.push({ check: 'chain', text: chain.text });
  const published = new Map(doc.checkpoints.map((cp) => [cp.seq, cp]));
  for (const p of await checkAuditAgainstHeads(
    store.db,
    doc.checkpoints.map((cp) => ({ checkpoint: cp.seq, shards: cp.shards })),
  )) {
    const cp = published.get(p.checkpoint);
    const when = `checkpoint #${String(p.checkpoint)} (${cp?.reason ?? ''}, published ${cp?.publishedAt ?? '?'})`;
    const where = `chain ${String(p.shard)}`;
    const text =
      p.check === 'truncated'
        ? `${where} holds ${(p.found ?? 0n).toString()} entries; ${when} showed ${p.position.toString()}`
        : p.check === 'rewritten'
          ? `${where}, position ${p.position.toString()}: not the entry ${when} showed (the chain was rewritten)`
          : `${where} up to position ${p.position.toString()}: entries numbered otherwise than at ${when}`;
    problems.push({ check: p.check, text });
  }
  const stored = await store.db
    .selectFrom('audit_checkpoints')
    .select(['seq', 'hash'])
    .where(
      'seq',
      'in',
      doc.checkpoints.map((cp) => cp.seq),
    )
    .execute();
  const storedHash = new Map(stored.map((r) => [r.seq, r.hash]));
  for (const cp of doc.checkpoints)
    if (storedHash.get(cp.seq) !== cp.hash)
      problems.push({
        check: 'checkpoint-missing',
        text: `checkpoint #${String(cp.seq)} is not in the database as published`,
      });
  if (problems.length === 0) {
    const last = doc.checkpoints.at(-1);
    return {
      ok: true,
      exitCode: 0,
      lines: [
        chain.text,
        `matches ${String(doc.checkpoints.length)} published checkpoint(s), the latest #${String(last?.seq)} (${last?.reason ?? ''}, published ${last?.publishedAt ?? ''})`,
      ],
    };
  }
  const first = [...problems].sort((a, b) => HEADS_CHECKS[a.check] - HEADS_CHECKS[b.check])[0];
  return {
    ok: false,
    ...(first === undefined ? {} : { check: first.check }),
    exitCode: first === undefined ? 1 : HEADS_CHECKS[first.check],
    lines: problems.map((p) => `audit log BROKEN [${p.check}]: ${p.text}`),
  };
}
