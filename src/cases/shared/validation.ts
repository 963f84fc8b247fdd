import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type, type TypeHelpOptions, type TypeOptions } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  Max,
  Min,
  IsOptional,
  IsObject,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  buildMessage,
  type ValidationError,
  type ValidationOptions,
  type ValidatorOptions,
} from 'class-validator';
import { isIsoDate, isValidOrganisationNumber } from '../../lifecycle';
import { KRONOR_FORM, parseKronor } from '../../money';

/**
 * Shape validation for command DTOs at the API boundary. The lifecycle trusts its callers with
 * shapes and keeps the domain rules (amounts ≥ 0, dates in order, …); these decorators reuse its
 * predicates so that a format is defined once.
 */

/**
 * How request bodies are validated: unknown fields are refused by name, since a misspelt optional
 * field would otherwise vanish silently. `forbidUnknownValues` is off because it refuses any
 * instance of a class without rules, i.e. the DTOs of commands without a body, even `{}`; nested
 * values cannot slip through unvalidated, since {@link IsNested} always turns them into their class.
 */
export const VALIDATION_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false };

/** A string property decorator: refuses non-strings, then applies `test`. */
export function stringRule(name: string, test: (value: string) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    ValidateBy(
      {
        name,
        validator: {
          validate: (value: unknown) => typeof value === 'string' && test(value),
          defaultMessage: buildMessage((each) => `${each}$property ${message}`, options),
        },
      },
      options,
    );
}

/**
 * A field that may be left out, but not sent as `null` (unlike class-validator's IsOptional, which
 * lets null through to code that does not expect it). For fields documented as nullable, IsOptional.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** The largest `offset` a list takes: far beyond any tenant's rows, well inside PostgreSQL's bigint. */
export const MAX_OFFSET = 1_000_000;

/** A list query's page size: a whole number from 1 to `maximum`, `byDefault` when left out. */
export const PageLimit = (byDefault: number, maximum: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', default: byDefault, minimum: 1, maximum }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(maximum),
  );

/** A list query's offset: how many rows to skip, bounded so that it stays a plain number. */
export const PageOffset = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: MAX_OFFSET }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(MAX_OFFSET),
  );

/** A blank name, purpose or reason says nothing, so it is refused like a missing one. */
export const IsText = stringRule('isText', (value) => value.trim() !== '', 'must be a non-empty string');

/** A real calendar date `YYYY-MM-DD`: `2023-02-30` is refused. */
export const IsCalendarDate = stringRule('isCalendarDate', isIsoDate, 'must be a calendar date YYYY-MM-DD, e.g. 2023-08-10');

/** Ten digits `NNNNNN-NNNN` (the hyphen may be left out) with a valid Luhn check digit. */
export const IsOrganisationNumber = stringRule(
  'isOrganisationNumber',
  (value) => value === value.trim() && isValidOrganisationNumber(value),
  'must be an organisationsnummer NNNNNN-NNNN with a valid check digit, e.g. 822004-0417',
);

/** The letters a body's diarium series starts with: `KS` in `KS 2023/01692`. */
export const BODY_CODE = /^[A-ZÅÄÖ]{1,10}$/;
export const IsBodyCode = stringRule('isBodyCode', (value) => BODY_CODE.test(value), 'must be a body code in capitals, e.g. KS');

/**
 * A nested value object: an object (a list would otherwise be validated element by element),
 * turned into `type` so that its own decorators apply.
 */
export function IsNested(type: (options?: TypeHelpOptions) => abstract new (...args: never[]) => unknown, typeOptions?: TypeOptions): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type, typeOptions));
}

/** One invalid field of a request body, by its dotted path (`terms.period.start`). */
export interface FieldErrors {
  field: string;
  messages: string[];
}

/** class-validator's error tree as a flat list, for the 400 VALIDATION_FAILED response's details. */
export function flattenValidationErrors(errors: ValidationError[]): FieldErrors[] {
  return flattenUnder('', errors);
}

function flattenUnder(parent: string, errors: ValidationError[]): FieldErrors[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenUnder(field, error.children ?? [])];
  });
}

/** A calendar date field: documented as `format: date`, validated as a real date. */
export const DateField = (description: string, example: string) =>
  applyDecorators(IsCalendarDate(), ApiProperty({ description, example, type: String, format: 'date' }));

/** A required text field: documented with its example, validated as non-empty text. */
export const TextField = (description: string, example: string) => applyDecorators(ApiProperty({ description, example }), IsText());

/** An optional text field: null when left out. */
export const OptionalTextField = (description: string, example: string) =>
  applyDecorators(ApiPropertyOptional({ type: String, nullable: true, description, example }), IsOptional(), IsText());

/**
 * A required nested value object, documented and validated as `type`. (Swagger knows a lazy type
 * by its function's name `type`, which only an arrow written as the `type` property gets.)
 */
export const NestedField = (type: () => abstract new (...args: never[]) => unknown, description: string) =>
  applyDecorators(ApiProperty({ type: () => type(), description }), IsNested(type));

/** A whole-number field (kronor, hours, a year). */
export const IntegerField = (description: string, example: number) => applyDecorators(IsInt(), ApiProperty({ type: 'integer', description, example }));

/** What a kronor field holds after transformation when the request did not send the documented form. */
class NotKronor {
  constructor(readonly sent: unknown) {}
}

/** The API's one kronor form (a decimal string, KRONOR_FORM) as öre, or a {@link NotKronor} the validator refuses. */
function toOre({ value }: { value: unknown }): unknown {
  if (value === null || value === undefined) return value;
  try {
    return parseKronor(value);
  } catch {
    return new NotKronor(value);
  }
}

const IsKronor = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isKronor',
      // Only a string in the kronor form became a number: a JSON number sent as such is refused, never read as öre.
      validator: { validate: (value: unknown) => typeof value === 'number', defaultMessage: () => `$property ${KRONOR_MESSAGE}` },
    },
    options,
  );

const KRONOR_MESSAGE = 'must be kronor as a decimal string with at most two decimals, e.g. "105574.40"';

/**
 * An amount in kronor: sent as the API's one form, a string `"105574.40"` (KRONOR_FORM), held as
 * öre once validated. `105574.4` (a JSON number), `"105574.401"` and `"1 000"` are refused.
 */
export const KronorField = (description: string, example: string) =>
  applyDecorators(ApiProperty({ ...KRONOR_FORM, description: `${description} ${KRONOR_FORM.description}`, example }), Transform(toOre), IsKronor());

/** An optional amount in kronor: null when left out. */
export const OptionalKronorField = (description: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ ...KRONOR_FORM, nullable: true, description: `${description} ${KRONOR_FORM.description}`, example }),
    IsOptional(),
    Transform(toOre),
    IsKronor(),
  );

/** An optional true/false query parameter: `?closed=true`; anything else is refused. */
export function BooleanQuery(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsBoolean(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
  );
}
