// The trustees' side of the key ceremony, for other workspaces' tests (e.g. tests/e2e): the same
// keygen code `isoloir trustee keygen` runs, and the share file.
export { runKeygen, checkBoardSignatures, type KeygenOptions, type KeygenResult } from './keygen.ts';
export {
  openShareFile,
  readSharePublic,
  writeShareFile,
  SHARE_FORMAT,
  type TrusteeShare,
  type SharePublic,
} from './share-file.ts';
export { startDemoFingerprintExchange } from './demo-trustees.ts';
export { trusteeFingerprint, formatFingerprint } from './fingerprint.ts';
export { pinOf, checkAgainstPin, CeremonyMismatch, type CeremonyPin } from './pin.ts';
