// Every route module of the API, in one list. A feature adds one line.
import type { AppInstance } from '../app-instance.ts';
import { electionRoutes } from './elections.ts';
import { healthRoutes } from './health.ts';

export const ROUTE_MODULES: readonly ((app: AppInstance) => void | Promise<void>)[] = [healthRoutes, electionRoutes];
