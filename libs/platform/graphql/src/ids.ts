import { Injectable, type PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { badUserInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Refuses anything but a UUID with BAD_USER_INPUT naming the argument, before it reaches a query. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string | null | undefined> {
  constructor(
    private readonly field: string,
    private readonly nullable = false,
  ) {}

  transform(value: unknown): string | null | undefined {
    if ((value === null || value === undefined) && this.nullable) return value;
    if (isUuid(value)) return value.toLowerCase();
    throw badUserInput([{ field: this.field, rule: 'uuid', message: 'must be a UUID' }]);
  }
}

/** An id argument: `ID` in the schema, a checked UUID in the resolver. */
export function IdArg(name: string, options: { nullable?: boolean } = {}): ParameterDecorator {
  return Args(
    name,
    { type: () => ID, nullable: options.nullable ?? false },
    new UuidPipe(name, options.nullable ?? false),
  );
}
