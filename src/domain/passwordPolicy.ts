import { COMMON_PASSWORDS } from './commonPasswords.ts';

// NCSC guidance: a long password, no composition rules, and a deny list of the commonest ones.
export const MINIMUM_PASSWORD_LENGTH = 12;
export const MAXIMUM_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common' | 'contains-email';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  'too-short': `Password must be ${MINIMUM_PASSWORD_LENGTH} characters or more`,
  'too-long': `Password must be ${MAXIMUM_PASSWORD_LENGTH} characters or fewer`,
  'too-common': 'Password is too easy to guess: it is one of the most common passwords. Try three random words',
  'contains-email': 'Password must not contain your email address',
};

export function passwordProblem(candidate: string, email?: string): PasswordProblem | null {
  const length = [...candidate].length;
  if (length < MINIMUM_PASSWORD_LENGTH) return 'too-short';
  if (length > MAXIMUM_PASSWORD_LENGTH) return 'too-long';
  const lower = candidate.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stem) || new Set(lower).size <= 2) return 'too-common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local !== undefined && local.length >= 4 && lower.includes(local)) return 'contains-email';
  return null;
}
