// The address people reach isoloir at, as printed in letters and used for login redirects: the
// configured public URL (ISOLOIR_PUBLIC_URL, https in production) when there is one, else the
// address this request came in on (development: http://localhost:8080).
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';

export function publicBaseUrl(app: AppInstance, request: FastifyRequest): string {
  return app.auth.options.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}
