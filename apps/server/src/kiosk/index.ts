// Kiosks at the consular posts (mode 8): what the command line's demo drives, the same functions as the routes.
export { castAtKiosk, type KioskCast } from './kiosk-cast.ts';
export { enrolKiosk, issueEnrolmentCode, listKiosks, revokeKiosk } from './enrolment.ts';
export { liveKiosk } from './device.ts';
export { openVisit } from './visit.ts';
