import type { ApiTokenUsage } from './plans.js';

/** Codes of the errors a mutation returns as data (the `ErrorCode` enum). */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'NAME_TAKEN',
  'TOKEN_LIMIT_REACHED',
  'PLAN_NOT_SUPPORTED',
  'CATEGORY_NOT_EMPTY',
  'FILE_TOO_LARGE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Expected failures. Only subclasses of this are turned into result-union
 * members; anything else is masked as "Unexpected error.".
 */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
}

export interface FieldError {
  path: string[];
  message: string;
}

export class ValidationError extends AppError {
  readonly code = 'VALIDATION';
  constructor(readonly fieldErrors: FieldError[]) {
    super(
      fieldErrors.length === 1
        ? `Invalid input: ${fieldErrors[0]!.path.join('.')}: ${fieldErrors[0]!.message}`
        : `Invalid input: ${fieldErrors.length} fields are invalid`,
    );
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class NameTakenError extends AppError {
  readonly code = 'NAME_TAKEN';
  // The name stays out of the message: whatever a user typed is not echoed back.
  constructor() {
    super('An API token with this name already exists in this project');
  }
}

export class TokenLimitReachedError extends AppError {
  readonly code = 'TOKEN_LIMIT_REACHED';
  constructor(readonly usage: ApiTokenUsage) {
    super(`API token limit reached: ${usage.summary}`);
  }
}

export class PlanNotSupportedError extends AppError {
  readonly code = 'PLAN_NOT_SUPPORTED';
  constructor(plan: string) {
    super(`The ${plan} plan does not include API tokens; upgrade to BUSINESS or ENTERPRISE`);
  }
}

export class CategoryNotEmptyError extends AppError {
  readonly code = 'CATEGORY_NOT_EMPTY';
  constructor(
    readonly childCount: number,
    readonly articleCount: number,
  ) {
    super(
      `The category still holds ${childCount} subcategories and ${articleCount} articles; move or delete them first`,
    );
  }
}

export class FileTooLargeError extends AppError {
  readonly code = 'FILE_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes`);
  }
}
