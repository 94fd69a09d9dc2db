import { communityMessages as t } from './messages';

/** A session code as typed: spaces and dashes dropped, case kept (the server forgives case and look-alikes). */
export function normaliseSessionCode(value: string): string {
  return value.replace(/[\s-]+/g, '');
}

export function sessionCodeProblem(value: string): string | null {
  const code = normaliseSessionCode(value);
  if (!code) return t.required;
  return /^[0-9A-Za-z]{6}$/.test(code) ? null : t.codeShape;
}

/** The browser's time zone, named for the person (e.g. "Europe/London"). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A session's start in the viewer's zone, with the zone's short name (e.g. "Wed 3 Dec 2026, 09:30 GMT"). */
export function formatInViewerZone(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}
