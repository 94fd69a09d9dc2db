import type { GraphqlRequest, GraphqlResponse } from '@praxis/platform/graphql';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './session.options';

/** The refresh token from the request's cookie header, if the browser sent one. */
export function refreshTokenFromCookie(req: GraphqlRequest | undefined): string | undefined {
  const header = req?.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function setRefreshCookie(
  res: GraphqlResponse | undefined,
  token: string,
  expiresAt: Date,
  secure: boolean,
): void {
  res?.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(res: GraphqlResponse | undefined, secure: boolean): void {
  res?.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
}
