// The published audit heads document (isoloir-audit-heads/1): the route's answer schema, also how
// `isoloir audit verify --heads FILE` reads a downloaded file.
import { z } from 'zod';
import { AUDIT_HEADS_FORMAT } from './audit-heads.ts';

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${String(length)}}$`));

const shardSchema = z.object({
  shard: z.number().int().min(0),
  position: z.string().regex(/^[1-9][0-9]*$/),
  hash: hex(64),
  numbering: hex(64),
});

export const checkpointSchema = z.object({
  seq: z.number().int().min(0),
  reason: z.enum(['start', 'periodic', 'phase', 'manual']),
  phases: z.array(z.object({ action: z.string(), subject: z.string() })).readonly(),
  publishedAt: z.string(),
  previous: z.string(),
  shards: z.array(shardSchema).readonly(),
  hash: hex(64),
  keyId: z.string(),
  signature: z.string(),
});

export const auditHeadsSchema = z.object({
  format: z.literal(AUDIT_HEADS_FORMAT),
  publicKey: z.string(),
  keyId: z.string(),
  checkpoints: z.array(checkpointSchema).readonly(),
});
