// The reporters for bench/publicForm.ts, in a child process of their own so that their client work
// does not share the event loop (and so the CPU time) of the server being measured. Each reporter
// walks the public form as a browser without JavaScript does: GET each page, POST its answers with
// the draft cookie the form set, follow the journey to the check page, send the report twice at
// once (a double click), then read the reference on the confirmation. A reporter starts a new
// report until the time is up and always finishes the one it is on, so every report it counts was
// sent before the benchmark looks in the database.

export interface WalkJob {
  baseUrl: string;
  reporters: number;
  durationSeconds: number;
}

export interface WalkResult {
  /** Reports sent and confirmed, with the reference each confirmation showed. */
  references: string[];
  requests: number;
  elapsedSeconds: number;
  /** Milliseconds from the start page to the confirmation, per report. */
  reportMs: { p50: number; p95: number; p99: number; max: number };
  /** The first few failures (wrong status, no reference); any failure fails the benchmark. */
  failures: string[];
  failureCount: number;
}

export type WalkReply = { ok: true; result: WalkResult } | { ok: false; error: string };

/** The questions in the order the form asks them for an anonymous report, with the answers posted. */
export const ANSWERS: ReadonlyArray<readonly [string, Record<string, string>]> = [
  ['immediate-danger', { danger: 'no' }],
  ['what-you-saw', { signs: 'many-people' }],
  ['what-happened', { description: 'Several men are collected from the house by a van at 5am every day.' }],
  ['where', { address: '', town: 'London', postcode: '', placeDescription: '' }],
  ['when', { when: 'Every weekday morning' }],
  ['who', { people: 'Six men, tired, carrying tools' }],
  ['how-you-know', { howYouKnow: 'saw-myself' }],
  ['contact-preference', { contactPreference: 'anonymous' }],
];

const REFERENCE = /LL-[0-9A-Z]{4}-[0-9A-Z]{4}/;

class Reporter {
  private cookies = new Map<string, string>();
  requests = 0;

  constructor(private readonly baseUrl: string) {}

  async send(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<{ status: number; location: string | null; body: string }> {
    const headers: Record<string, string> = { accept: 'text/html' };
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie !== '') headers['cookie'] = cookie;
    if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, redirect: 'manual', body: form === undefined ? undefined : new URLSearchParams(form).toString() });
    this.requests += 1;
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, location: response.headers.get('location'), body: await response.text() };
  }
}

function expectStatus(what: string, got: { status: number; location: string | null }, status: number, locationPart?: string): void {
  if (got.status !== status) throw new Error(`${what}: HTTP ${got.status}, expected ${status}`);
  if (locationPart !== undefined && !(got.location ?? '').includes(locationPart)) throw new Error(`${what}: redirected to ${got.location ?? 'nowhere'}, expected ${locationPart}`);
}

/** One report from the start page to the confirmation; returns the reference shown. */
export async function walkOnce(reporter: Reporter): Promise<string> {
  expectStatus('GET /report', await reporter.send('GET', '/report?lang=en'), 200);
  for (const [index, [step, answers]] of ANSWERS.entries()) {
    expectStatus(`GET ${step}`, await reporter.send('GET', `/report/${step}?lang=en`), 200);
    const following = ANSWERS[index + 1]?.[0] ?? 'check-your-answers';
    expectStatus(`POST ${step}`, await reporter.send('POST', `/report/${step}?lang=en`, answers), 303, following);
  }
  expectStatus('GET check-your-answers', await reporter.send('GET', '/report/check-your-answers?lang=en'), 200);
  // A double click: both posts answer with a redirect, and only one report may come of them.
  const sent = await Promise.all([reporter.send('POST', '/report/check-your-answers?lang=en', {}), reporter.send('POST', '/report/check-your-answers?lang=en', {})]);
  for (const post of sent) expectStatus('POST check-your-answers', post, 303);
  const confirmation = await reporter.send('GET', '/report/report-sent?lang=en');
  expectStatus('GET report-sent', confirmation, 200);
  const reference = REFERENCE.exec(confirmation.body)?.[0];
  if (reference === undefined) throw new Error('GET report-sent: no reference on the confirmation');
  return reference;
}

export async function walk(job: WalkJob): Promise<WalkResult> {
  const started = performance.now();
  const stopAt = started + job.durationSeconds * 1000;
  const references: string[] = [];
  const durations: number[] = [];
  const failures: string[] = [];
  let failureCount = 0;
  let requests = 0;
  const reporterLoop = async () => {
    while (performance.now() < stopAt) {
      const reporter = new Reporter(job.baseUrl);
      const began = performance.now();
      try {
        references.push(await walkOnce(reporter));
        durations.push(performance.now() - began);
      } catch (error) {
        failureCount += 1;
        if (failures.length < 5) failures.push(error instanceof Error ? error.message : String(error));
      }
      requests += reporter.requests;
    }
  };
  await Promise.all(Array.from({ length: job.reporters }, reporterLoop));
  const elapsedSeconds = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? NaN;
  return { references, requests, elapsedSeconds, reportMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: durations.at(-1) ?? NaN }, failures, failureCount };
}

if (process.send !== undefined) {
  process.on('message', (job: WalkJob) => {
    walk(job).then(
      (result) => process.send?.({ ok: true, result } satisfies WalkReply),
      (error: unknown) => process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WalkReply),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
