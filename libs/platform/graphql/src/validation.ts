import {
  ValidationPipe,
  type ArgumentMetadata,
  type Type,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { Args } from '@nestjs/graphql';
import { badUserInput, type FieldError } from './errors';

function flatten(errors: ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** PostgreSQL text cannot hold NUL, and no field of ours has a use for it: find it anywhere in an argument. */
function nulCharacters(value: unknown, path: string, found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      found.push({ field: path, rule: 'noNulCharacter', message: 'must not contain the NUL character' });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulCharacters(item, `${path}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulCharacters(item, `${path}.${key}`, found);
  }
  return found;
}

/**
 * class-validator on every input, answered as BAD_USER_INPUT with one entry per field and rule; plain
 * arguments (an e-mail, a search term) are checked for NUL characters too.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = nulCharacters(value, metadata.data ?? 'input');
      if (problems.length > 0) throw badUserInput(problems);
    }
    return super.transform(value, metadata);
  }
}

function pipeOptions(prefix: string): ValidationPipeOptions {
  return {
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badUserInput(flatten(errors, prefix)),
  };
}

export function inputValidationPipe(): ValidationPipe {
  return new InputValidationPipe(pipeOptions('input'));
}

/**
 * An input-object argument validated by its class even where TypeScript cannot say which class it is: a
 * parameter typed `Filter | null` reaches the global pipe as `Object`, and its rules silently never ran.
 */
export function InputArg(name: string, type: Type, options: { nullable?: boolean } = {}): ParameterDecorator {
  return Args(
    name,
    { type: () => type, nullable: options.nullable ?? false },
    new InputValidationPipe({ ...pipeOptions(name), expectedType: type }),
  );
}
