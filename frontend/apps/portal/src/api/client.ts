import i18n from '../i18n';

/** An RFC 9457 problem the API answered with (docs/problems.md), in the page's language. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly field?: string,
    readonly violations: { field: string; message: string }[] = [],
    readonly retryAfter?: number,
  ) {
    // what to show a person (message): the detail without the field name it starts with when it is about one field
    super(field && detail.startsWith(`${field}: `) ? detail.slice(field.length + 2) : detail);
  }
}

/**
 * Calls the API at the same origin, in the page's language. The sign-in, when there is one, travels as the
 * gateway's HttpOnly session cookie: page script never holds a token.
 */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': i18n.language, ...init.headers },
  });
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/problem+json')) {
    const p = await response.json();
    const retry = response.headers.get('Retry-After');
    throw new Problem(p.status, p.type, p.title, p.detail, p.field, p.violations ?? [], retry ? Number(retry) : undefined);
  }
  throw new Problem(response.status, 'about:blank', response.statusText, i18n.t('errors.unexpected'));
}
