// One place turns failures into responses: pages get a GOV.UK error page, the API gets
// problem+json. A record the actor may not see and a missing record give the same answer.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../access/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
}

export function problemFor(error: unknown, request: FastifyRequest): Problem {
  const base = { instance: request.url.split('?')[0] };
  if (error instanceof NotFoundError) return { ...base, type: 'about:blank', title: 'Not Found', status: 404, detail: `${error.subject} not found` };
  if (error instanceof ForbiddenError) return { ...base, type: 'about:blank', title: 'Forbidden', status: 403, detail: error.message };
  if (error instanceof ValidationError) return { ...base, type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The request has invalid fields', errors: error.fieldErrors };
  if (error instanceof ConflictError) return { ...base, type: 'about:blank', title: 'Conflict', status: 409, detail: error.message };
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation !== undefined) {
    return { ...base, type: 'about:blank', title: 'Bad Request', status: 400, detail: fastifyError.message ?? 'Invalid request' };
  }
  const status = typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500 ? fastifyError.statusCode : 500;
  if (status === 500) return { ...base, type: 'about:blank', title: 'Internal Server Error', status, detail: `Something went wrong. Reference: ${request.id}` };
  return { ...base, type: 'about:blank', title: httpTitle(status), status, detail: fastifyError.message ?? httpTitle(status) };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

function httpTitle(status: number): string {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'Not Found';
  if (status === 413) return 'Payload Too Large';
  if (status === 415) return 'Unsupported Media Type';
  if (status === 429) return 'Too Many Requests';
  return 'Bad Request';
}

export function isCsrfError(error: unknown): boolean {
  const code = (error as Partial<FastifyError>).code;
  return typeof code === 'string' && code.startsWith('FST_CSRF_');
}

export function registerPageErrorHandling(app: FastifyInstance, showStacks: boolean): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) return sendProblem(reply, { type: 'about:blank', title: 'Not Found', status: 404, instance: request.url.split('?')[0] });
    return reply.code(404).page('errors/not-found.njk');
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (request.url.startsWith('/api/')) return sendProblem(reply, problemFor(error, request));
    if (isCsrfError(error)) {
      return reply.code(403).page('errors/error.njk', { title: 'This form has expired', message: 'For your security, forms stop working after a while or after you sign out. Go back, reload the page and try again.' });
    }
    const problem = problemFor(error, request);
    if (problem.status === 404) return reply.code(404).page('errors/not-found.njk');
    if (problem.status === 403) return reply.code(403).page('errors/forbidden.njk', { reason: problem.detail });
    if (problem.status === 429) return reply.code(429).page('errors/error.njk', { title: 'Too many attempts', message: 'Wait a minute, then try again.' });
    if (problem.status < 500) return reply.code(problem.status).page('errors/error.njk', { title: 'Sorry, that request could not be understood', message: 'Go back and try again.' });
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).page('errors/error.njk', { requestId: request.id, stack: showStacks && error instanceof Error ? error.stack : undefined });
  });
}
