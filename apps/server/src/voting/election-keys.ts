// The election public keys published by the trustees' ceremony (`election_keys`), decoded once per
// process. A key that is not published yet is looked up again next time.
import type { Kysely } from 'kysely';
import { hexToBytes, isGroupName, loadGroup, type BallotLayout, type Group, type GroupName } from '@isoloir/crypto';
import type { Schema } from '@isoloir/store';

export interface ElectionKey {
  readonly electionId: string;
  readonly groupName: GroupName;
  readonly group: Group<unknown>;
  readonly pk: unknown;
  /** Hex, as published. */
  readonly publicKey: string;
  readonly width: number;
  readonly layout: BallotLayout;
}

const groups = new Map<GroupName, Promise<Group<unknown>>>();

function groupOf(name: GroupName): Promise<Group<unknown>> {
  let group = groups.get(name);
  if (group === undefined) {
    group = loadGroup(name);
    groups.set(name, group);
  }
  return group;
}

export function isLayout(value: unknown): value is BallotLayout {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['maxListNumber', 'maxEffectives', 'maxSubstitutes'].every(
    (k) => Number.isSafeInteger(v[k]) && (v[k] as number) >= 0,
  );
}

export class ElectionKeys {
  readonly #db: Kysely<Schema>;
  readonly #cache = new Map<string, ElectionKey>();

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async get(electionId: string): Promise<ElectionKey | undefined> {
    const cached = this.#cache.get(electionId);
    if (cached !== undefined) return cached;
    const row = await this.#db
      .selectFrom('election_keys')
      .select(['group_name', 'public_key', 'ballot_width', 'layout'])
      .where('election_id', '=', electionId)
      .executeTakeFirst();
    if (row === undefined || !isGroupName(row.group_name) || !isLayout(row.layout)) return undefined;
    const group = await groupOf(row.group_name);
    const bytes = hexToBytes(row.public_key);
    const pk = bytes === undefined ? undefined : group.decode(bytes);
    if (pk === undefined) throw new Error(`election ${electionId}: the published key is not a group element`);
    const key: ElectionKey = {
      electionId,
      groupName: row.group_name,
      group,
      pk,
      publicKey: row.public_key,
      width: row.ballot_width,
      layout: row.layout,
    };
    this.#cache.set(electionId, key);
    return key;
  }
}
