// The OpenAPI document, generated from the routes' zod schemas, served at /api/docs
// (interactive) and /api/docs/json (the document itself).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AppInstance } from './app-instance.ts';

export async function registerOpenApi(app: AppInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'isoloir API',
        version,
        description: 'Remote voting for Belgian elections. Errors are `{ code, message, field? }` with stable codes.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
