// When a reminder email that could not be handed over is tried again, and when Lifeline gives up.

/** Attempts in all (the first and the retries) before an email is marked failed. */
export const EMAIL_MAX_ATTEMPTS = 6;

const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/**
 * The wait after the n-th failed attempt (n from 1): 1, 2, 4, 8, 16 minutes, never more than an
 * hour. A mail server that is down for a few minutes is waited for without being hammered.
 */
export function retryDelayMs(failedAttempts: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) throw new RangeError('failedAttempts must be a whole number from 1');
  return Math.min(FIRST_RETRY_MS * 2 ** (failedAttempts - 1), LONGEST_WAIT_MS);
}

export type EmailAttemptOutcome =
  | { status: 'pending'; retryAfterMs: number }
  | { status: 'failed' };

/** What becomes of an email whose attempt number `attempts` (from 1) has just failed. */
export function afterFailedAttempt(attempts: number): EmailAttemptOutcome {
  return attempts >= EMAIL_MAX_ATTEMPTS ? { status: 'failed' } : { status: 'pending', retryAfterMs: retryDelayMs(attempts) };
}
