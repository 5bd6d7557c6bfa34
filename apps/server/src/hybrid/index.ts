// Hybrid voting (mode 6), for the CLI (demo kits, benchmark) and the browser tests.
export { issueKcode, kcodeStatus, voterKcode, type KcodeView } from './kcodes.ts';
export { keyedHashFrom, keyedHashOf, KCODE_PURPOSE, type KeyedHash } from './keyed-hash.ts';
export { hybridVoter, kitContent, kitTemplates, mayPrint, prepareKit, printKit } from './kit-service.ts';
export { renderKit, KitTemplates, type KitContent } from './kit-pdf.ts';
export { hybridVoterNrns, openTestHybridPeriod, setTestHybridWindow } from './test-hybrid.ts';
export { generateKits, type KitFile } from './bulk.ts';
