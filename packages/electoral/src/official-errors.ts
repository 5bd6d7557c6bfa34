import type { DesignationError } from './designation.ts';
import type { OfficialList } from './official-format.ts';
import type { OfficialError, TiedList } from './official-results.ts';
import type { SeatError } from './seats.ts';

/** Seat allocation errors in the terms of the input file: tied lists with their number and name. */
export function seatError(error: SeatError, lists: readonly OfficialList[]): OfficialError {
  switch (error.code) {
    case 'seats.drawing-of-lots': {
      const tied: TiedList[] = lists.filter((l) => error.tied.includes(l.id)).map(({ id, number, name }) => ({ id, number, name }));
      const names = tied.map((l) => `${l.name} (list ${l.number.toString()}, Id ${l.id})`).join(', ');
      const message = `drawing of lots required for ${error.seatsLeft.toString()} seat(s) between ${names}`;
      return { code: error.code, tied, seatsLeft: error.seatsLeft, message };
    }
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
  const message = `${list.name} (Id ${list.id}) wins ${error.seats.toString()} seats but has ${error.effectives.toString()} effective candidates`;
  return { code: error.code, message };
}
