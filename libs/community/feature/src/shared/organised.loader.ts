import { requestLoader } from '@praxis/platform/graphql';
import { CommunityDomainError } from '@praxis/community/domain';
import type { Organised } from './access';

/**
 * An organiser-only field of a programme (`attendanceSummary`, `reflectionCounts`, `speakerDiversity`), loaded
 * with the same field of every programme of the request by `load` (which decides per programme, see
 * `forOrganisedProgrammes`); a refusal is thrown for this programme's field alone.
 */
export async function loadOrganised<T>(
  request: object,
  name: string,
  load: (programmeIds: readonly string[]) => Promise<Array<Organised<T>>>,
  programmeId: string,
): Promise<T> {
  const answer = await requestLoader(request, name, load, (row) => row.programmeId).load(programmeId);
  if (answer === null) throw CommunityDomainError.notFound('programme');
  if ('refusal' in answer) throw answer.refusal;
  return answer.value;
}
