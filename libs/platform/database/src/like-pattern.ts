/**
 * An `ILIKE` pattern matching any text that contains `text` literally: `%`, `_` and `\` in it are escaped, so
 * the query must say `ESCAPE '\'` (a search box's "50%" finds "50%", not everything).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
