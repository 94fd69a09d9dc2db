import { graphql } from '../gql';
import type { InstitutionsQuery } from '../gql/graphql';
import { nodes } from './connection';
import { SearchSelect, type SearchSelectProps } from './search-select';

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
 * Choose an institution by name: a `SearchSelect` listing the first 100 by name, narrowed on the server to those
 * whose name contains what the person types (debounced), so no institution is out of reach however many take
 * part. `known` options come first (a "whole network" choice, the current institution by name when no search has
 * found it yet); `only` keeps the institutions a person may choose (a lead's own). A failed search is said in
 * the description. The rest of the props are the Select's (label, error, required, a form's input props).
 */
export function InstitutionPicker({
  only,
  labelOf = institutionLabel,
  ...select
}: SearchSelectProps & {
  only?: ReadonlyArray<string>;
  labelOf?: (institution: FoundInstitution) => string;
}) {
  const allowed = only ? new Set(only) : null;
  return (
    <SearchSelect
      {...select}
      document={InstitutionsDocument}
      variablesOf={(nameContains) => ({ nameContains })}
      optionsOf={(data) =>
        nodes(data.institutions)
          .filter((item) => !allowed || allowed.has(item.id))
          .map((item) => ({ value: item.id, label: labelOf(item) }))
      }
    />
  );
}
