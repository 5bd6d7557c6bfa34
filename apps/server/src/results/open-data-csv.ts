// The open-data file as CSV: one row per candidate, the list's fields repeated, with the field names
// of the official result files (the JSON's), so that a spreadsheet can rebuild the JSON row by row.
type Json = Readonly<Record<string, unknown>>;

const LIST_FIELDS = [
  'Id',
  'ListNumber',
  'PartyLabel',
  'NrOfVotes',
  'B_BallotsWithListVote',
  'C_BallotsWithCandidateVotesOnly',
  'D_BallotsWithCandidateAndSuccessorVotes',
  'E_BallotsWithSuccessorVotesOnly',
  'A_SeatsForList',
  'G_ElectionNumber',
] as const;

const CANDIDATE_FIELDS = [
  'Id',
  'FullName',
  'NrOnList',
  'IsSuccessor',
  'NrOfVotes',
  'I_BallotsAllotedForEligibility',
  'II_VotesObtainedAfterDevolution',
  'III_BallotsRemaingForDistribution',
  'IV_CandidateOrder',
] as const;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // RFC 4180 quoting; a leading formula character is neutralised for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function openDataCsv(file: Json): string {
  const header = [
    'Constituency',
    ...LIST_FIELDS.map((f) => `List.${f}`),
    ...CANDIDATE_FIELDS.map((f) => `Candidate.${f}`),
  ];
  const rows: string[] = [header.join(',')];
  for (const list of file['ElectionLists'] as Json[])
    for (const c of list['Candidates'] as Json[])
      rows.push(
        [file['Id'], ...LIST_FIELDS.map((f) => list[f]), ...CANDIDATE_FIELDS.map((f) => c[f])].map(cell).join(','),
      );
  return `${rows.join('\r\n')}\r\n`;
}
