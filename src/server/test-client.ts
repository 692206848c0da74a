/** A cookie-keeping client over a Hono app or a URL, for tests. Reads the CSRF token from the cookie jar. */
export type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

export class Client {
  readonly jar = new Map<string, string>();
  constructor(private readonly fetcher: Fetcher) {}

  async send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.fetcher(path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  get = (path: string): Promise<Response> => this.send(path);

  /** GET once first when there is no CSRF cookie yet, then POST the form with the token. */
  async post(
    path: string,
    form: Record<string, string> = {},
    opts: { csrf?: boolean; method?: string } = {},
  ): Promise<Response> {
    if (!this.jar.has('eq_csrf')) await this.get('/healthz');
    const body = new URLSearchParams(form);
    if (opts.csrf !== false) body.set('_csrf', decodeURIComponent(this.jar.get('eq_csrf') ?? ''));
    return this.send(path, {
      method: opts.method ?? 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
}
