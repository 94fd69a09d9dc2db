import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useState } from 'react';
import { messageOf } from './errors';

/** The Select's props a search select sets itself. */
export type SearchSelectProps = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'nothingFoundMessage'
> & {
  value?: string | null;
  /** The chosen option's value and the label it is shown by. */
  onChange: (value: string | null, label: string | null) => void;
  /** Options listed first whatever the search (a "whole network" choice, the current value by name). */
  known?: ReadonlyArray<ComboboxItem>;
  /** Said when the search finds none. */
  nothingFound: string;
};

/**
 * A searchable select whose options come from the server: what the person types (debounced) becomes the query's
 * search variable, so no record is out of reach behind a first page however many there are; with nothing typed
 * the query's first page is offered. `known` options come first; the chosen option stays listed (and its label
 * in the box is no search). A failed search is said in the description. The rest of the props are the
 * Select's (label, error, required, a form's input props). `InstitutionPicker` and `CompetitionPicker` are this.
 */
export function SearchSelect<TData, TVariables extends OperationVariables>({
  document,
  variablesOf,
  optionsOf,
  value,
  onChange,
  known = [],
  nothingFound,
  description,
  ...select
}: SearchSelectProps & {
  document: TypedDocumentNode<TData, TVariables>;
  /** The query's variables for the text searched (null: nothing typed). */
  variablesOf: (term: string | null) => TVariables;
  /** The options an answer offers. */
  optionsOf: (data: TData) => ComboboxItem[];
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const [term] = useDebouncedValue(search.trim(), 250);
  const shownLabel = [...(chosen ? [chosen] : []), ...known].find((item) => item.value === value)?.label;
  // the chosen option's label in the search box is no search
  const answer = useQuery(document, {
    variables: variablesOf(term && term !== shownLabel ? term : null),
  } as useQuery.Options<TData, TVariables>);
  const found = answer.data ? optionsOf(answer.data as TData) : [];
  const options: ComboboxItem[] = [];
  for (const item of [...known, ...(chosen ? [chosen] : []), ...found])
    if (!options.some((option) => option.value === item.value)) options.push(item);
  let said = description;
  if (answer.error) said = messageOf(answer.error);
  else if (found.length === 0 && !answer.loading && !term) said = nothingFound;
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
