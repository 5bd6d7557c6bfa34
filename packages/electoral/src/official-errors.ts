import type { DesignationError } from './designation.ts';
import type { OfficialList } from './official-format.ts';
import type { OfficialError, TiedList } from './official-results.ts';
import type { SeatError } from './seats.ts';

/** Seat allocation errors in the terms of the input file: tied lists with their number and name. */
export function seatError(error: SeatError, lists: readonly OfficialList[]): OfficialError {
  switch (error.code) {
    case 'seats.drawing-of-lots': {
      const [tied, names] = tiedLists(error.tied, lists);
      const message = `drawing of lots required for ${error.seatsLeft.toString()} seat(s) between ${names}`;
      return { code: error.code, tied, seatsLeft: error.seatsLeft, message };
    }
    case 'seats.tie-needs-data': {
      const [tied, names] = tiedLists(error.tied, lists);
      const what =
        error.missing === 'birth-date'
          ? 'the birth date (Candidates[].BirthDate, YYYY-MM-DD) of the candidates whose election is at stake'
          : 'the votes of the candidates whose election is at stake';
      const message = `${error.seatsLeft.toString()} seat(s) due with equal right to ${names}: the statute then looks at ${what}, which the file lacks`;
      return { code: error.code, tied, seatsLeft: error.seatsLeft, missing: error.missing, message };
    }
    case 'seats.tie-unresolved': {
      const [tied, names] = tiedLists(error.tied, lists);
      const message = `${error.seatsLeft.toString()} seat(s) due with equal right to ${names}, whose candidates at stake have equal votes and the same birth date: the statute settles no further`;
      return { code: error.code, tied, seatsLeft: error.seatsLeft, message };
    }
    case 'seats.too-few-candidates':
      return {
        code: error.code,
        message: `${error.seatsLeft.toString()} seat(s) left that no list has candidates for`,
      };
    case 'seats.no-eligible-list':
      return { code: error.code, message: 'no list reaches the threshold' };
    case 'seats.invalid-input':
      return { code: 'input.malformed', field: error.field, message: `${error.field}: invalid` };
  }
}

export function designationError(error: DesignationError, list: OfficialList): OfficialError {
  if (error.code === 'designation.invalid-input') {
    return { code: 'input.malformed', field: error.field, message: `${error.field}: invalid` };
  }
  const message = `${list.name} (Id ${list.id}) wins ${error.seats.toString()} seats but has ${error.candidates.toString()} candidates`;
  return { code: error.code, message };
}

function tiedLists(ids: readonly string[], lists: readonly OfficialList[]): [TiedList[], string] {
  const tied: TiedList[] = lists
    .filter((l) => ids.includes(l.id))
    .map(({ id, number, name }) => ({ id, number, name }));
  return [tied, tied.map((l) => `${l.name} (list ${l.number.toString()}, Id ${l.id})`).join(', ')];
}
