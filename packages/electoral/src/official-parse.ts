import { arrayField, booleanField, countField, idField, isRecord, malformed } from './official-format.ts';
import type { OfficialCandidate, OfficialConstituency, OfficialList, Parsed } from './official-format.ts';
import { err, ok } from './result.ts';

/**
 * Validates parsed JSON in the official result file format. Only the inputs of the computation are
 * required: per list `Id`, `ListNumber`, `NrOfVotes`, `B_…`, `C_…`, `D_…`, `E_…`; per candidate `Id`,
 * `NrOnList`, `IsSuccessor`, `NrOfVotes`, and optionally `BirthDate` (`YYYY-MM-DD`, an isoloir
 * addition the official files lack: the tie-break's last step needs it). The error names the first
 * bad field.
 */
export function parseOfficialConstituency(json: unknown): Parsed<OfficialConstituency> {
  if (!isRecord(json)) return malformed('$', 'a JSON object');
  const items = arrayField(json, 'ElectionLists', '$');
  if (!items.ok) return items;
  const lists: OfficialList[] = [];
  for (const [i, item] of items.value.entries()) {
    const list = parseList(item, `ElectionLists[${i.toString()}]`);
    if (!list.ok) return list;
    lists.push(list.value);
  }
  const ids = new Set<string>();
  for (const [i, list] of lists.entries()) {
    if (ids.has(list.id)) return duplicate(`ElectionLists[${i.toString()}].Id`, `list Id ${list.id}`);
    ids.add(list.id);
  }
  return ok({ raw: json, lists });
}

function parseList(item: unknown, path: string): Parsed<OfficialList> {
  if (!isRecord(item)) return malformed(path, 'an object');
  const id = idField(item, 'Id', path);
  if (!id.ok) return id;
  const counts = countFields(item, ['ListNumber', 'NrOfVotes', ...CATEGORY_FIELDS], path);
  if (!counts.ok) return counts;
  const [number = 0, votes = 0, B = 0, C = 0, D = 0, E = 0] = counts.value;
  if (B + C + D + E !== votes) {
    return err({
      code: 'input.figure-mismatch',
      field: `${path}.NrOfVotes`,
      message: `${path}.NrOfVotes: not equal to B + C + D + E`,
    });
  }
  const candidates = parseCandidates(item, path);
  if (!candidates.ok) return candidates;
  const name = typeof item['PartyLabel'] === 'string' ? item['PartyLabel'] : `list ${id.value}`;
  return ok({ raw: item, id: id.value, number, name, votes, categories: { B, C, D, E }, candidates: candidates.value });
}

function countFields(
  item: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  path: string,
): Parsed<readonly number[]> {
  const values: number[] = [];
  for (const key of keys) {
    const value = countField(item, key, path);
    if (!value.ok) return value;
    values.push(value.value);
  }
  return ok(values);
}

const CATEGORY_FIELDS = [
  'B_BallotsWithListVote',
  'C_BallotsWithCandidateVotesOnly',
  'D_BallotsWithCandidateAndSuccessorVotes',
  'E_BallotsWithSuccessorVotesOnly',
] as const;

function parseCandidates(list: Readonly<Record<string, unknown>>, path: string): Parsed<readonly OfficialCandidate[]> {
  const items = arrayField(list, 'Candidates', path);
  if (!items.ok) return items;
  const candidates: OfficialCandidate[] = [];
  const seen = new Set<string>();
  for (const [i, item] of items.value.entries()) {
    const at = `${path}.Candidates[${i.toString()}]`;
    const candidate = parseCandidate(item, at);
    if (!candidate.ok) return candidate;
    const key = `${candidate.value.substitute ? 's' : 'e'}${candidate.value.position.toString()}`;
    if (seen.has(key)) return duplicate(`${at}.NrOnList`, `place ${candidate.value.position.toString()}`);
    seen.add(key);
    candidates.push(candidate.value);
  }
  return ok(candidates);
}

function parseCandidate(item: unknown, path: string): Parsed<OfficialCandidate> {
  if (!isRecord(item)) return malformed(path, 'an object');
  const id = idField(item, 'Id', path);
  if (!id.ok) return id;
  const position = countField(item, 'NrOnList', path);
  if (!position.ok) return position;
  if (position.value === 0) return malformed(`${path}.NrOnList`, 'a place on the list from 1');
  const substitute = booleanField(item, 'IsSuccessor', path);
  if (!substitute.ok) return substitute;
  const votes = countField(item, 'NrOfVotes', path);
  if (!votes.ok) return votes;
  const birthDate = item['BirthDate'];
  if (birthDate !== undefined && birthDate !== null && !(typeof birthDate === 'string' && isIsoDate(birthDate)))
    return malformed(`${path}.BirthDate`, 'a date YYYY-MM-DD');
  const base = { raw: item, id: id.value, position: position.value, substitute: substitute.value, votes: votes.value };
  return ok(typeof birthDate === 'string' ? { ...base, birthDate } : base);
}

/** A real calendar date `YYYY-MM-DD`. */
function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function duplicate(field: string, what: string): Parsed<never> {
  return err({ code: 'input.duplicate', field, message: `${field}: duplicate ${what}` });
}
