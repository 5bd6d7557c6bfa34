// The export to the election management modules: one bundle per constituency carrying the counts
// per mode and abroad/Belgium (JSON, schema in ./export.schema.json) and an EML 510-style XML. The
// hybrid PVs (mode 6, paper ballots) come with the electronic ones, with their reception figures and
// the reconciliation of their box (`reception`, `reconciliation`, absent on electronic results). The
// JSON carries the audit log's latest signed heads (apps/server/src/audit): whoever receives the
// bundle can later check the server's audit log against them (`isoloir audit verify --heads BUNDLE`).
import type { AuditHeadsDocument } from '../audit/audit-heads.ts';
import type { PvContent, PvReception, PvReconciliation } from './pv.ts';

export interface ExportBundle {
  readonly format: 'isoloir-export/1';
  readonly electionId: string;
  readonly constituency: string;
  readonly recordHash: string;
  readonly generatedAt: string;
  readonly results: readonly {
    readonly mode: string;
    readonly category: string;
    readonly registeredVoters: number;
    readonly received: number;
    readonly superseded: number;
    readonly cancelled: number;
    readonly counted: number;
    readonly mergedInto: string | null;
    readonly valid: number;
    readonly blank: number;
    readonly invalid: number;
    readonly lists: readonly {
      readonly number: number;
      readonly B: number;
      readonly C: number;
      readonly D: number;
      readonly E: number;
      readonly total: number;
      readonly effectives: readonly number[];
      readonly substitutes: readonly number[];
    }[];
    /** Hybrid results only: Team A's figures and the box's reconciliation. */
    readonly reception?: PvReception;
    readonly reconciliation?: Omit<PvReconciliation, 'explanation'> & { readonly explained: boolean };
  }[];
  /** The latest published checkpoint of the audit log's heads, signed (null: none published yet). */
  readonly auditHeads: AuditHeadsDocument | null;
}

export function exportBundle(pvs: readonly PvContent[], auditHeads: AuditHeadsDocument | null): ExportBundle {
  const first = pvs[0];
  if (first === undefined) throw new Error('exportBundle: no PV');
  return {
    format: 'isoloir-export/1',
    electionId: first.electionId,
    constituency: first.constituency.code,
    // The record's head: a hybrid PV generated before the record was published carries none.
    recordHash: pvs.find((pv) => pv.recordHash !== null && pv.recordHash !== '')?.recordHash ?? '',
    generatedAt: first.generatedAt,
    results: pvs.map((pv) => ({
      mode: pv.mode,
      category: pv.category,
      registeredVoters: pv.registeredVoters,
      received: pv.received,
      superseded: pv.superseded,
      cancelled: Object.values(pv.cancelled).reduce((a, b) => a + b, 0),
      counted: pv.counted,
      mergedInto: pv.mergedInto,
      valid: pv.valid,
      blank: pv.blank,
      invalid: pv.invalid,
      lists: pv.lists.map((l) => ({
        number: l.number,
        ...l.categories,
        total: l.total,
        effectives: l.effectives.map((e) => e.votes),
        substitutes: l.substitutes.map((s) => s.votes),
      })),
      ...(pv.reception === undefined ? {} : { reception: pv.reception }),
      ...(pv.reconciliation === undefined
        ? {}
        : {
            reconciliation: {
              expected: pv.reconciliation.expected,
              encoded: pv.reconciliation.encoded,
              difference: pv.reconciliation.difference,
              explained: pv.reconciliation.difference === 0 || pv.reconciliation.explanation !== null,
            },
          }),
    })),
    auditHeads,
  };
}

const x = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** EML 510 ("count") style: one ReportingUnitVotes per mode × abroad/Belgium. */
export function exportEml(b: ExportBundle): string {
  const units = b.results
    .map(
      (r) => `      <ReportingUnitVotes>
        <ReportingUnitIdentifier Id="${x(`${b.constituency}/${r.mode}/${r.category}`)}">${x(`${r.mode} ${r.category}`)}</ReportingUnitIdentifier>
${r.lists
  .map(
    (
      l,
    ) => `        <Selection><AffiliationIdentifier Id="${String(l.number)}"/><ValidVotes>${String(l.total)}</ValidVotes><isoloir:Categories B="${String(l.B)}" C="${String(l.C)}" D="${String(l.D)}" E="${String(l.E)}"/></Selection>
${l.effectives.map((v, i) => `        <Selection><Candidate><CandidateIdentifier Id="${String(l.number)}-e${String(i + 1)}"/></Candidate><ValidVotes>${String(v)}</ValidVotes></Selection>`).join('\n')}${l.substitutes.length > 0 ? '\n' : ''}${l.substitutes.map((v, i) => `        <Selection><Candidate><CandidateIdentifier Id="${String(l.number)}-s${String(i + 1)}"/></Candidate><ValidVotes>${String(v)}</ValidVotes></Selection>`).join('\n')}`,
  )
  .join('\n')}
        <Cast>${String(r.counted)}</Cast>
        <TotalCounted>${String(r.counted)}</TotalCounted>
        <RejectedVotes ReasonCode="blank">${String(r.blank)}</RejectedVotes>
        <RejectedVotes ReasonCode="invalid">${String(r.invalid)}</RejectedVotes>
        <UncountedVotes ReasonCode="superseded">${String(r.superseded)}</UncountedVotes>
        <UncountedVotes ReasonCode="cancelled">${String(r.cancelled)}</UncountedVotes>
      </ReportingUnitVotes>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" xmlns:isoloir="urn:isoloir:export:1" Id="510" SchemaVersion="5.0">
  <TransactionId>${x(b.recordHash.slice(0, 16))}</TransactionId>
  <IssueDate>${x(b.generatedAt)}</IssueDate>
  <Count>
    <EventIdentifier Id="${x(b.electionId)}"/>
    <Election>
      <ElectionIdentifier Id="${x(b.electionId)}"/>
      <Contests><Contest>
      <ContestIdentifier Id="${x(b.constituency)}"/>
      <TotalVotes/>
${units}
      </Contest></Contests>
    </Election>
  </Count>
  <isoloir:RecordHash>${x(b.recordHash)}</isoloir:RecordHash>
</EML>
`;
}
