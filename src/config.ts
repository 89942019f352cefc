// One typed view of the environment, validated once at start-up so that a bad value
// stops the process with a message naming the variable, never half-way through a request.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { policyProblems, victimPathPolicy, type VictimPathPolicy } from './domain/victimPath/policy.ts';

export type Environment = 'development' | 'production' | 'test';
export type Surface = 'public' | 'staff' | 'all';

export type DatabaseLocation =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

/** Where reminder emails go: printed (development), written as .eml files, or sent by SMTP. */
export type MailTransportSetting =
  | { kind: 'console' }
  | { kind: 'file'; directory: string }
  | { kind: 'smtp'; url: string };

export interface Config {
  environment: Environment;
  port: number;
  host: string;
  surface: Surface;
  dataDir: string;
  database: DatabaseLocation;
  sessionSecret: string;
  /** 32 bytes for AES-256-GCM field encryption (TOTP secrets now; victims' details later). */
  fieldEncryptionKey: Buffer;
  /** Keys being rotated out: still read, never used to write. */
  previousFieldEncryptionKeys: Buffer[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  secureCookies: boolean;
  trustProxy: boolean;
  requireSecondFactor: boolean;
  /** Demo data and accounts are loaded into an empty database; never in production. */
  loadDemo: boolean;
  signInRateLimitPerMinute: number;
  publicRateLimitPerMinute: number;
  /** How often this instance looks for due reminders and sends queued emails; 0 turns the scheduler off. */
  reminderIntervalSeconds: number;
  mailTransport: MailTransportSetting;
  /** The From header of reminder emails. */
  mailFrom: string;
  /** Where staff open Lifeline, for the links in reminder emails (no trailing slash). */
  staffBaseUrl: string;
  /** The numbers of the victim's path (reflection period, decision target): policy, so configuration. */
  victimPath: VictimPathPolicy;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Lifeline cannot start: the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const read = new EnvironmentReader(env, problems);

  const environment = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = environment === 'production';
  const dataDir = path.resolve(read.text('LIFELINE_DATA_DIR', './data'));
  const database = parseDatabaseUrl(read.text('LIFELINE_DATABASE_URL', `sqlite:${path.join(dataDir, 'lifeline.db')}`), problems);

  const secrets = production ? null : developmentSecrets(dataDir, environment, problems);
  // A broken development secrets file is reported once, not again as two missing secrets.
  const unreadableSecretsFile = !production && secrets === null;
  const sessionSecret = read.text('LIFELINE_SESSION_SECRET', secrets?.sessionSecret ?? '');
  if (sessionSecret.length < 32 && !(unreadableSecretsFile && sessionSecret === '')) {
    problems.push(production
      ? 'LIFELINE_SESSION_SECRET is required in production and must be at least 32 characters (for example: openssl rand -base64 48).'
      : 'LIFELINE_SESSION_SECRET must be at least 32 characters.');
  }
  const fieldKeyText = read.text('LIFELINE_FIELD_KEY', secrets?.fieldEncryptionKey ?? '');
  const fieldEncryptionKey = Buffer.from(fieldKeyText, 'base64');
  if (fieldEncryptionKey.length !== 32 && !(unreadableSecretsFile && fieldKeyText === '')) {
    problems.push(production
      ? 'LIFELINE_FIELD_KEY is required in production: 32 random bytes in base64 (for example: openssl rand -base64 32).'
      : 'LIFELINE_FIELD_KEY must be 32 bytes in base64.');
  }

  const previousFieldEncryptionKeys = read.text('LIFELINE_FIELD_KEY_PREVIOUS', '').split(',').filter((k) => k.trim() !== '').map((k) => Buffer.from(k.trim(), 'base64'));
  if (previousFieldEncryptionKeys.some((k) => k.length !== 32)) problems.push('LIFELINE_FIELD_KEY_PREVIOUS must be a comma-separated list of 32-byte keys in base64.');

  const config: Config = {
    environment,
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.text('HOST', '127.0.0.1'),
    surface: read.oneOf('LIFELINE_SURFACE', ['public', 'staff', 'all'] as const, 'all'),
    dataDir,
    database,
    sessionSecret,
    fieldEncryptionKey,
    previousFieldEncryptionKeys,
    logLevel: read.oneOf('LIFELINE_LOG_LEVEL', LOG_LEVELS, environment === 'test' ? 'silent' : 'info'),
    sessionIdleMinutes: read.integer('LIFELINE_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: read.integer('LIFELINE_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    lockoutThreshold: read.integer('LIFELINE_LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: read.integer('LIFELINE_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    secureCookies: read.boolean('LIFELINE_SECURE_COOKIES', production),
    trustProxy: read.boolean('LIFELINE_TRUST_PROXY', false),
    requireSecondFactor: read.boolean('LIFELINE_REQUIRE_SECOND_FACTOR', production),
    loadDemo: read.boolean('LIFELINE_DEMO', !production),
    signInRateLimitPerMinute: read.integer('LIFELINE_SIGN_IN_RATE_LIMIT', 20, 1, 10_000),
    publicRateLimitPerMinute: read.integer('LIFELINE_PUBLIC_RATE_LIMIT', 120, 1, 100_000),
    reminderIntervalSeconds: read.integer('LIFELINE_REMINDER_INTERVAL_SECONDS', 60, 0, 86_400),
    // Printed in development so a developer sees the email; elsewhere written to files until SMTP is configured.
    mailTransport: parseMailTransport(read.text('LIFELINE_MAIL_TRANSPORT', environment === 'development' ? 'console' : `file:${path.join(dataDir, 'mail')}`), problems),
    mailFrom: read.text('LIFELINE_MAIL_FROM', 'Lifeline <no-reply@lifeline.invalid>'),
    staffBaseUrl: parseBaseUrl(read.text('LIFELINE_BASE_URL', 'http://localhost:3000'), problems),
    victimPath: victimPathSettings(read, problems),
    ...overrides,
  };
  if (production && config.loadDemo) {
    // Any spelling of true (1 as well), so demo data is never loaded in production.
    problems.push('LIFELINE_DEMO cannot be true in production: demo accounts have published passwords.');
    config.loadDemo = false;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** LIFELINE_REFLECTION_PERIOD_DAYS (at least 30), LIFELINE_REASONABLE_GROUNDS_WORKING_DAYS, LIFELINE_MOVE_ON_SUPPORT_DAYS, LIFELINE_PERIOD_ENDING_SOON_DAYS. */
function victimPathSettings(read: EnvironmentReader, problems: string[]): VictimPathPolicy {
  const defaults = victimPathPolicy();
  const settings: VictimPathPolicy = {
    reflectionPeriodMinimumDays: read.integer('LIFELINE_REFLECTION_PERIOD_DAYS', defaults.reflectionPeriodMinimumDays, 1, 3650),
    reasonableGroundsTargetWorkingDays: read.integer('LIFELINE_REASONABLE_GROUNDS_WORKING_DAYS', defaults.reasonableGroundsTargetWorkingDays, 1, 365),
    moveOnSupportDays: read.integer('LIFELINE_MOVE_ON_SUPPORT_DAYS', defaults.moveOnSupportDays, 1, 3650),
    endingSoonDays: read.integer('LIFELINE_PERIOD_ENDING_SOON_DAYS', defaults.endingSoonDays, 0, 365),
  };
  problems.push(...policyProblems(settings).map((p) => `Victim path settings: ${p}.`));
  return settings;
}

export function parseDatabaseUrl(url: string, problems: string[]): DatabaseLocation {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file.length === 0) problems.push('LIFELINE_DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/lifeline.db');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  problems.push(`LIFELINE_DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0] ?? ''}:…").`);
  return { kind: 'sqlite', file: ':memory:' };
}

export function parseMailTransport(value: string, problems: string[]): MailTransportSetting {
  if (value === 'console') return { kind: 'console' };
  if (value.startsWith('file:') && value.length > 'file:'.length) return { kind: 'file', directory: path.resolve(value.slice('file:'.length)) };
  if (value.startsWith('smtp://') || value.startsWith('smtps://')) {
    try {
      new URL(value);
      return { kind: 'smtp', url: value };
    } catch {
      // Reported below, without the value: it may hold a password.
    }
  }
  problems.push('LIFELINE_MAIL_TRANSPORT must be console, file:<folder> or smtp://user:password@host:port (smtps:// for TLS).');
  return { kind: 'console' };
}

function parseBaseUrl(value: string, problems: string[]): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '');
  } catch {
    // Reported below.
  }
  problems.push(`LIFELINE_BASE_URL must be an http:// or https:// address (got "${value}").`);
  return 'http://localhost:3000';
}

interface DevelopmentSecrets { sessionSecret: string; fieldEncryptionKey: string }

/** In development the secrets are made once and kept beside the database, so sessions and encrypted fields survive a restart. */
function developmentSecrets(dataDir: string, environment: Environment, problems: string[]): DevelopmentSecrets | null {
  if (environment === 'test') {
    return { sessionSecret: randomBytes(32).toString('base64'), fieldEncryptionKey: randomBytes(32).toString('base64') };
  }
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevelopmentSecrets> | null;
      if (typeof kept?.sessionSecret === 'string' && typeof kept.fieldEncryptionKey === 'string') return { sessionSecret: kept.sessionSecret, fieldEncryptionKey: kept.fieldEncryptionKey };
    } catch {
      // Reported below.
    }
    problems.push(`${file} is not a valid secrets file: delete it to have new secrets made (sessions and encrypted fields made with the old ones are then lost).`);
    return null;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = { sessionSecret: randomBytes(48).toString('base64'), fieldEncryptionKey: randomBytes(32).toString('base64') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

class EnvironmentReader {
  constructor(private readonly env: Env, private readonly problems: string[]) {}

  text(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.problems.push(`${name} must be true or false (got "${raw}").`);
    return fallback;
  }

  oneOf<const T extends readonly string[]>(name: string, allowed: T, fallback: T[number]): T[number] {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (allowed.includes(raw)) return raw;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}").`);
    return fallback;
  }
}
