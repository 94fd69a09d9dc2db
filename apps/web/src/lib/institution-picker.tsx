import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import type { InstitutionsQuery } from '../gql/graphql';
import { nodes } from './connection';
import { messageOf } from './errors';

export const InstitutionsDocument = graphql(`
  query Institutions($nameContains: String) {
    institutions(first: 100, nameContains: $nameContains) {
      edges {
        node {
          id
          name
          country
        }
      }
    }
  }
`);

export type FoundInstitution = InstitutionsQuery['institutions']['edges'][number]['node'];

/** How a picker names an institution unless told otherwise: "Leeds (GB)". */
export const institutionLabel = (institution: Pick<FoundInstitution, 'name' | 'country'>) =>
  `${institution.name} (${institution.country})`;

/**
 * Choose an institution by name: a searchable select listing the first 100 by name, narrowed on the server to
 * those whose name contains what the person types (debounced), so no institution is out of reach however many take
 * part. `known` options come first (a "whole network" choice, the current institution by name when no search has
 * found it yet); `only` keeps the institutions a person may choose (a lead's own). A failed search is said in
 * the description. The rest of the props are the Select's (label, error, required, a form's input props).
 */
export function InstitutionPicker({
  value,
  onChange,
  known = [],
  only,
  labelOf = institutionLabel,
  nothingFound,
  description,
  ...select
}: Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'nothingFoundMessage'
> & {
  value?: string | null;
  /** The chosen institution's id (or a known option's value) and the label it is shown by. */
  onChange: (value: string | null, label: string | null) => void;
  known?: ReadonlyArray<ComboboxItem>;
  only?: ReadonlyArray<string>;
  labelOf?: (institution: FoundInstitution) => string;
  /** Said when the search finds none. */
  nothingFound: string;
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const [term] = useDebouncedValue(search.trim(), 250);
  const shownLabel = [...(chosen ? [chosen] : []), ...known].find((item) => item.value === value)?.label;
  // the chosen option's label in the search box is no search
  const institutions = useQuery(InstitutionsDocument, {
    variables: { nameContains: term && term !== shownLabel ? term : null },
  });
  const allowed = only ? new Set(only) : null;
  const found = (institutions.data ? nodes(institutions.data.institutions) : [])
    .filter((item) => !allowed || allowed.has(item.id))
    .map((item) => ({ value: item.id, label: labelOf(item) }));
  const options: ComboboxItem[] = [];
  for (const item of [...known, ...(chosen ? [chosen] : []), ...found])
    if (!options.some((option) => option.value === item.value)) options.push(item);
  let said = description;
  if (institutions.error) said = messageOf(institutions.error);
  else if (found.length === 0 && !institutions.loading && !term) said = nothingFound;
  return (
    <Select
      {...select}
      description={said}
      data={options}
      searchable
      nothingFoundMessage={nothingFound}
      searchValue={search}
      onSearchChange={setSearch}
      value={value ?? null}
      onChange={(next, option) => {
        const picked = next && option ? option : null;
        setChosen(picked);
        onChange(next, picked?.label ?? null);
      }}
    />
  );
}
