import type { LoggerOptions } from 'pino';
import type { Config } from '../config.ts';

/**
 * Logs carry the request id, method, path and status, never query strings, bodies, cookies or
 * tokens: a query can hold a name or a postcode, and a body can hold a victim's account.
 */
export function loggerOptions(config: Config): LoggerOptions {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.email', '*.token', 'body', 'query'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { id: string; method: string; url: string; routeOptions?: { url?: string } }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
        route: request.routeOptions?.url,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
