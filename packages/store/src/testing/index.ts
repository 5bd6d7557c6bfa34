export { pgliteTestDatabase, testDatabases, type TestDatabase, type TestStore } from './test-databases.ts';
