export {
  bindSecretTo,
  configuredSecretFile,
  createSecretFile,
  loadServerSecret,
  memorySecret,
  memorySecretFor,
  readSecretFile,
  SECRET_FILE_ENV,
  SECRET_FILE_NAME,
  SecretError,
  secretFileText,
  secretFolderBeside,
  serverSecretOf,
  type SecretSource,
  type ServerSecret,
} from './server-secret.ts';
export { deriveDayKey, DERIVATION_SALT, fingerprintOf, hmacHex, SECRET_BYTES } from './derive.ts';
export { voterActor, VOTER_ACTOR_PURPOSE, type KeyedHasher } from './pseudonyms.ts';
export { otherSecretProblem } from './same-secret.ts';
