import type { FormErrors } from '@mantine/form';
import type { CareerStage, ProgrammeMode } from '../../gql/graphql';
import { communityMessages as t } from './messages';

export interface SessionValues {
  theme: string;
  /** `datetime-local`: the session's own clock in `timeZone` */
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  joiningLink: string;
}

export interface ProgrammeValues {
  title: string;
  description: string;
  audience: CareerStage[];
  capacity: number;
  mode: ProgrammeMode;
  applicationOpensAt: string;
  applicationClosesAt: string;
  sessions: SessionValues[];
  /** one question a line */
  reflectionQuestions: string;
  certificateMinSharePercent: number;
  /** comma-separated */
  interests: string;
}

const isHttps = (value: string) => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * What can be told before asking the server (it checks all of it again, and the rest: zones, overlaps): each
 * problem at its field, so the person sees every one at once.
 */
export function programmeProblems(values: ProgrammeValues): FormErrors {
  const errors: FormErrors = {};
  if (!values.title.trim()) errors.title = t.required;
  if (values.audience.length === 0) errors.audience = t.audienceNeeded;
  if (!values.applicationOpensAt) errors.applicationOpensAt = t.required;
  if (!values.applicationClosesAt) errors.applicationClosesAt = t.required;
  else if (values.applicationOpensAt && values.applicationClosesAt <= values.applicationOpensAt)
    errors.applicationClosesAt = t.closesAfterOpens;
  values.sessions.forEach((session, index) => {
    const at = `sessions.${index}`;
    if (!session.theme.trim()) errors[`${at}.theme`] = t.required;
    if (!session.startsAt) errors[`${at}.startsAt`] = t.required;
    if (!session.timeZone.trim()) errors[`${at}.timeZone`] = t.required;
    const link = session.joiningLink.trim();
    if (link && !isHttps(link)) errors[`${at}.joiningLink`] = t.httpsLink;
    else if (!link && values.mode === 'ONLINE') errors[`${at}.joiningLink`] = t.onlineNeedsLink;
  });
  return errors;
}
