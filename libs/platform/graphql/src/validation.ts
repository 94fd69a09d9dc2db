import {
  ValidationPipe,
  type ArgumentMetadata,
  type Type,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { Args } from '@nestjs/graphql';
import { dateProblem } from './date-time';
import { badUserInput, type FieldError } from './errors';

function flatten(errors: ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * What no argument of any service may hold, found anywhere in it (nested inputs and lists too): the NUL
 * character (PostgreSQL text cannot store it, and no field has a use for it), and a date that is not one or lies
 * outside 1900–2199 (the DateTime scalar hands those over as they are, so the field can be named here).
 */
function forbiddenValues(value: unknown, path: string, found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      found.push({ field: path, rule: 'noNulCharacter', message: 'must not contain the NUL character' });
    }
  } else if (value instanceof Date) {
    const problem = dateProblem(value, path);
    if (problem) found.push(problem);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => forbiddenValues(item, `${path}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) forbiddenValues(item, `${path}.${key}`, found);
  }
  return found;
}

/**
 * class-validator on every input, answered as BAD_USER_INPUT with one entry per field and rule; every argument,
 * plain ones too (an e-mail, a search term, a date), is checked for NUL characters and absurd dates.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = forbiddenValues(value, metadata.data ?? 'input');
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
