/**
 * The part of a pino logger the reminder scheduler uses (Fastify's app.log is one). What it is
 * given are counts, ids, source names and error codes: never an address, a title or a body.
 */
export interface ReminderLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const silentReminderLogger: ReminderLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An error's code only: an SMTP reply or an exception message can quote the recipient's address. */
export function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { code, responseCode, name } = error as { code?: unknown; responseCode?: unknown; name?: unknown };
  const parts = [typeof code === 'string' ? code : typeof name === 'string' ? name : 'Error', typeof responseCode === 'number' ? String(responseCode) : ''];
  return parts.filter((part) => part !== '').join(' ').slice(0, 100);
}
