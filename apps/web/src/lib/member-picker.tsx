import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { graphql } from '../gql';
import type { MemberSearchQuery, Role } from '../gql/graphql';
import { nodes } from './connection';
import { messageOf } from './errors';
import { commonMessages } from './messages';

export const MemberSearchDocument = graphql(`
  query MemberSearch($nameContains: String!, $role: Role, $institutionId: ID) {
    members(filter: { nameContains: $nameContains, role: $role, institutionId: $institutionId }, first: 8) {
      edges {
        node {
          id
          displayName
          careerStage
          institution {
            name
          }
        }
      }
    }
  }
`);

export type FoundMember = MemberSearchQuery['members']['edges'][number]['node'];

/** The fewest letters the server searches by (`MembersFilter.nameContains`: 2 to 80 characters). */
export const MIN_SEARCH = 2;

/**
 * Find members by name and pick one: a labelled search (debounced; the server matches any part of the display
 * name), each match with its institution and career stage and a button naming what picking does ("Invite Ada
 * Obi"). The results' count is announced; while `onPick` runs its button is busy; a refusal from it is shown in
 * words and the search is kept, a success clears it. `exclude` hides people already chosen; `role` and
 * `institutionId` narrow the search on the server (a lead's members, judges for a pool).
 */
export function MemberPicker({
  label,
  description,
  pickLabel,
  onPick,
  exclude = [],
  role,
  institutionId,
  error,
  dataPath,
}: {
  label: string;
  description?: string;
  pickLabel: (name: string) => string;
  onPick: (member: FoundMember) => unknown;
  exclude?: Iterable<string>;
  /** Only members holding this role (e.g. judges for a pool). */
  role?: Role;
  /** Only members of this institution (e.g. a lead's own); null or left out: everyone. */
  institutionId?: string | null;
  /** A form's error for the field the picked people fill, tied to the search input. */
  error?: string | null;
  /** The form's field path, so focus moves here when that field has the first error. */
  dataPath?: string;
}) {
  const resultsId = useId();
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 300);
  const [picking, setPicking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const found = useQuery(MemberSearchDocument, {
    variables: { nameContains: term, role: role ?? null, institutionId: institutionId ?? null },
    skip: term.length < MIN_SEARCH,
  });
  const hidden = new Set(exclude);
  const candidates = found.data ? nodes(found.data.members).filter((member) => !hidden.has(member.id)) : [];
  const searching = term.length >= MIN_SEARCH && found.loading;
  const pick = async (member: FoundMember) => {
    if (picking) return;
    setPicking(member.id);
    setProblem(null);
    try {
      await onPick(member);
      setSearch('');
    } catch (failure) {
      setProblem(messageOf(failure));
    } finally {
      setPicking(null);
    }
  };
  let status = '';
  if (searching) status = commonMessages.picker.searching;
  else if (found.error) status = '';
  else if (term.length >= MIN_SEARCH && found.data) status = commonMessages.picker.found(candidates.length);
  return (
    <Stack gap={4}>
      <TextInput
        type="search"
        label={label}
        description={description ?? commonMessages.picker.hint}
        value={search}
        error={error || undefined}
        data-path={dataPath}
        aria-controls={resultsId}
        rightSection={searching ? <Loader size="xs" aria-hidden /> : undefined}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {(found.error || problem) && (
        <Text role="alert" size="sm" c="red.8">
          {problem ?? messageOf(found.error)}
        </Text>
      )}
      <Text size="sm" role="status" aria-live="polite">
        {status}
      </Text>
      <Stack
        gap={4}
        component="ul"
        id={resultsId}
        aria-label={label}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {candidates.map((member) => (
          <Group component="li" key={member.id} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {member.displayName} · {member.institution.name} ·{' '}
              {commonMessages.careerStages[member.careerStage]}
            </Text>
            <Button
              size="xs"
              variant="outline"
              style={{ flexShrink: 0 }}
              leftSection={picking === member.id ? <Loader size="xs" /> : undefined}
              aria-disabled={picking !== null}
              onClick={() => void pick(member)}
            >
              {pickLabel(member.displayName)}
            </Button>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
