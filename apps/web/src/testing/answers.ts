/** A GraphQL answer refusing input as the services do: BAD_USER_INPUT naming each field, its rule and message. */
export function badUserInput(...fields: Array<{ field: string; rule: string; message: string }>) {
  return { errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }] };
}
