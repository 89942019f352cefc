// A minimal browser over Fastify's inject: keeps cookies, reads CSRF tokens from forms, posts forms.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class WebClient {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance, private readonly bearerToken?: string) {}

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (match?.[1] !== undefined) this.csrfToken = match[1];
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = this.cookieHeader();
    return {
      ...(cookie === undefined ? {} : { cookie }),
      ...(this.bearerToken === undefined ? {} : { authorization: `Bearer ${this.bearerToken}` }),
      ...extra,
    };
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method, url, headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }), ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
    this.remember(response);
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.request('GET', url);
  }

  /** Posts a form as a browser would, with the CSRF token of the last page seen unless one is given. */
  async post(url: string, fields: Record<string, string | string[]> = {}, options: { withCsrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams();
    if (options.withCsrf !== false && this.csrfToken !== undefined && fields['_csrf'] === undefined) form.append('_csrf', this.csrfToken);
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
    }
    const response = await this.app.inject({ method: 'POST', url, headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }), payload: form.toString() });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    const response = await this.post('/sign-in', { email, password, next: '/' });
    if (response.statusCode !== 303) throw new Error(`Sign-in failed with ${response.statusCode}`);
    await this.get('/account');
    return response;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
