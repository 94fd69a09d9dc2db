import type { DocumentNode } from 'graphql';
import { CompetitionSearchDocument } from '../lib/competition-picker';
import { InstitutionsDocument } from '../lib/institution-picker';
import { MemberSearchDocument } from '../lib/member-picker';

/** A GraphQL answer refusing input as the services do: BAD_USER_INPUT naming each field, its rule and message. */
export function badUserInput(...fields: Array<{ field: string; rule: string; message: string }>) {
  return { errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }] };
}

/** A member as the member picker's search finds them. */
export function foundMember(id: string, displayName: string, institution = 'North Hospital') {
  return {
    __typename: 'Member',
    id,
    displayName,
    careerStage: 'RESIDENT',
    institution: { __typename: 'Institution', name: institution },
  };
}

/** The member picker's search for `nameContains` (of one role and institution, or any) answered with `found`. */
export function memberSearch(
  nameContains: string,
  role: string | null,
  found: Array<ReturnType<typeof foundMember>>,
  institutionId: string | null = null,
) {
  return {
    request: { query: MemberSearchDocument, variables: { nameContains, role, institutionId } },
    result: {
      data: {
        members: {
          __typename: 'MemberConnection',
          edges: found.map((node) => ({ __typename: 'MemberEdge', node })),
        },
      },
    },
  };
}

/** The institution picker's search for `nameContains` (null: the first page by name) answered with `found`. */
export function institutionSearch(nameContains: string | null, found: Array<{ id: string; name: string }>) {
  return {
    request: { query: InstitutionsDocument, variables: { nameContains } },
    result: {
      data: {
        institutions: {
          __typename: 'InstitutionConnection',
          edges: found.map(({ id, name }) => ({
            __typename: 'InstitutionEdge',
            node: { __typename: 'Institution', id, name, country: 'GB' },
          })),
        },
      },
    },
  };
}

/**
 * One page of a connection as the server answers it: `Proposal` gives `ProposalConnection` and `ProposalEdge`;
 * a page with an `endCursor` has a next one. `totalCount` only when the document selects it.
 */
export function connectionPage(
  typename: string,
  nodes: readonly unknown[],
  endCursor: string | null,
  totalCount?: number,
) {
  return {
    __typename: `${typename}Connection`,
    ...(totalCount === undefined ? {} : { totalCount }),
    pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
    edges: nodes.map((node) => ({ __typename: `${typename}Edge`, node })),
  };
}

/**
 * The answers of a paged list whose document takes only `$after` (none for the first page): `field` answers a page
 * of `typename`s, two in all. Returns the builder a test calls once per page it mocks.
 */
export function pagedAnswers(query: DocumentNode, field: string, typename: string) {
  return (after: string | null | undefined, nodes: readonly unknown[], endCursor: string | null) => ({
    request: { query, variables: after ? { after } : {} },
    result: { data: { [field]: connectionPage(typename, nodes, endCursor, 2) } },
  });
}

/** The competition picker's search for `titleContains` (null: the newest) answered with `found`. */
export function competitionSearch(titleContains: string | null, found: Array<{ id: string; title: string }>) {
  return {
    request: { query: CompetitionSearchDocument, variables: { titleContains } },
    result: {
      data: {
        competitions: {
          __typename: 'CompetitionConnection',
          edges: found.map(({ id, title }) => ({
            __typename: 'CompetitionEdge',
            node: { __typename: 'Competition', id, title },
          })),
        },
      },
    },
  };
}
