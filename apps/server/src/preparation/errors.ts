// Expected failures of preparation commands: a stable code and, for files, the line and column.
// Thrown inside the command's transaction so that nothing is half-done; routes and the CLI turn
// them into answers.

export type PreparationErrorCode =
  | 'file.encoding'
  | 'file.malformed'
  | 'file.columns'
  | 'file.empty'
  | 'file.too-large'
  | 'file.invalid'
  | 'registration.invalid'
  | 'preparation.not-found'
  | 'preparation.frozen'
  | 'preparation.scope'
  | 'preparation.exists'
  | 'preparation.deadline'
  | 'preparation.mode'
  | 'preparation.unresolved'
  | 'preparation.resolution';

export class PreparationError extends Error {
  readonly code: PreparationErrorCode;
  /** Where: `line 12, column nrn`, or a JSON path `elections[1].constituencies[0].seats`. */
  readonly where: string | undefined;

  constructor(code: PreparationErrorCode, where?: string, message?: string) {
    super(message ?? (where === undefined ? code : `${code} (${where})`));
    this.code = code;
    this.where = where;
  }
}

export function at(line: number, column?: string | number): string {
  return column === undefined ? `line ${String(line)}` : `line ${String(line)}, column ${String(column)}`;
}
