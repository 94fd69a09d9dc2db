import { graphql } from '../gql';
import { nodes } from './connection';
import { SearchSelect, type SearchSelectProps } from './search-select';

export const CompetitionSearchDocument = graphql(`
  query CompetitionSearch($titleContains: String) {
    competitions(titleContains: $titleContains, first: 20) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

/**
 * Choose a competition by title: a `SearchSelect` offering the newest 20 (drafts for admins only, as the server
 * lists them), narrowed on the server to those whose title contains what the person types, so an older one is
 * found by name rather than out of reach behind a first page.
 */
export function CompetitionPicker(select: SearchSelectProps) {
  return (
    <SearchSelect
      {...select}
      document={CompetitionSearchDocument}
      variablesOf={(titleContains) => ({ titleContains })}
      optionsOf={(data) =>
        nodes(data.competitions).map((competition) => ({ value: competition.id, label: competition.title }))
      }
    />
  );
}
