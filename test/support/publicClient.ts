// A reporter's browser over Fastify's inject: keeps the draft cookie, posts forms, and comes from
// an address and a browser the anonymity tests look for afterwards.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const REPORTER_ADDRESS = '203.0.113.77';
export const REPORTER_AGENT = 'Mozilla/5.0 (ReporterPhone; AnonymityProbe/9.1)';

export class PublicClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance, private readonly acceptLanguage?: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return {
      'user-agent': REPORTER_AGENT,
      ...(cookie === '' ? {} : { cookie }),
      ...(this.acceptLanguage === undefined ? {} : { 'accept-language': this.acceptLanguage }),
      ...extra,
    };
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: this.headers(), remoteAddress: REPORTER_ADDRESS });
    this.remember(response);
    return response;
  }

  async post(url: string, fields: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
    const response = await this.app.inject({
      method: 'POST', url, headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }), payload: form.toString(), remoteAddress: REPORTER_ADDRESS,
    });
    this.remember(response);
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export interface ReportAnswersInput {
  danger?: string;
  signs?: string[];
  description?: string;
  address?: string;
  town?: string;
  postcode?: string;
  placeDescription?: string;
  when?: string;
  people?: string;
  vehicles?: string;
  howYouKnow?: string;
  contactPreference?: string;
  contactPhone?: string;
  contactName?: string;
}

/** Walks every page from the first question to check-your-answers; returns the last response. */
export async function answerEveryQuestion(client: PublicClient, input: ReportAnswersInput = {}, lang = 'en'): Promise<LightMyRequestResponse> {
  const q = `?lang=${lang}`;
  const expectRedirect = (response: LightMyRequestResponse, page: string) => {
    if (response.statusCode !== 303 || !String(response.headers.location).startsWith(`/report/${page}`)) {
      throw new Error(`Expected a redirect to ${page}, got ${response.statusCode} ${String(response.headers.location)}\n${response.body.slice(0, 2000)}`);
    }
  };
  await client.get(`/report/immediate-danger${q}`);
  const danger = input.danger ?? 'no';
  expectRedirect(await client.post(`/report/immediate-danger${q}`, { danger }), danger === 'no' ? 'what-you-saw' : 'call-999-now');
  expectRedirect(await client.post(`/report/what-you-saw${q}`, { signs: input.signs ?? ['many-people', 'escorted'] }), 'what-happened');
  expectRedirect(await client.post(`/report/what-happened${q}`, { description: input.description ?? 'Eight men leave the house at 5am in a white van and come back at midnight.' }), 'where');
  expectRedirect(await client.post(`/report/where${q}`, {
    address: input.address ?? '14 Harrow Road', town: input.town ?? 'London', postcode: input.postcode ?? 'W2 1AB', placeDescription: input.placeDescription ?? '',
  }), 'when');
  expectRedirect(await client.post(`/report/when${q}`, { when: input.when ?? 'Every weekday morning' }), 'who');
  expectRedirect(await client.post(`/report/who${q}`, { people: input.people ?? 'Young men, tired, did not speak English', vehicles: input.vehicles ?? 'White Transit van' }), 'how-you-know');
  expectRedirect(await client.post(`/report/how-you-know${q}`, { howYouKnow: input.howYouKnow ?? 'saw-myself', howYouKnowDetail: '' }), 'contact-preference');
  const preference = input.contactPreference ?? 'anonymous';
  const afterPreference = await client.post(`/report/contact-preference${q}`, { contactPreference: preference });
  if (preference === 'anonymous') {
    expectRedirect(afterPreference, 'check-your-answers');
  } else {
    expectRedirect(afterPreference, 'contact-details');
    expectRedirect(await client.post(`/report/contact-details${q}`, {
      contactName: input.contactName ?? 'A neighbour', contactPhone: input.contactPhone ?? '07700 900 982', contactEmail: '', safeTimes: 'Evenings',
    }), 'check-your-answers');
  }
  return client.get(`/report/check-your-answers${q}`);
}

/** Sends the report from check-your-answers and reads the reference and secret off the confirmation. */
export async function sendReport(client: PublicClient, lang = 'en'): Promise<{ reference: string; secret: string; page: LightMyRequestResponse }> {
  const sent = await client.post(`/report/check-your-answers?lang=${lang}`, {});
  if (sent.statusCode !== 303) throw new Error(`Sending failed: ${sent.statusCode}`);
  const page = await client.get(String(sent.headers.location));
  const reference = /LL-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.body)?.[0];
  const secret = /id="secret">([0-9A-Z-]+)</.exec(page.body)?.[1];
  if (reference === undefined || secret === undefined) throw new Error(`No reference or secret on the confirmation page:\n${page.body.slice(0, 3000)}`);
  return { reference, secret, page };
}
