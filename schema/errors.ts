import {
  AppError,
  CategoryNotEmptyError,
  FileTooLargeError,
  ERROR_CODES,
  type FieldError,
  NameTakenError,
  NotFoundError,
  PlanNotSupportedError,
  TokenLimitReachedError,
  ValidationError,
} from '../server/errors.js';
import { builder } from './builder.js';
import { ApiTokenUsageRef } from './usage.js';

export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: ERROR_CODES });

export const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  description: 'An expected failure, returned as data in a mutation result.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code }),
    message: t.exposeString('message'),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One invalid input field; `path` is relative to the mutation input.',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldErrorRef], resolve: (error) => error.fieldErrors }),
  }),
});

builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface] });

builder.objectType(NameTakenError, { name: 'NameTakenError', interfaces: [ErrorInterface] });

builder.objectType(TokenLimitReachedError, {
  name: 'TokenLimitReachedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ usage: t.field({ type: ApiTokenUsageRef, resolve: (error) => error.usage }) }),
});

builder.objectType(PlanNotSupportedError, {
  name: 'PlanNotSupportedError',
  interfaces: [ErrorInterface],
});

builder.objectType(CategoryNotEmptyError, {
  name: 'CategoryNotEmptyError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    childCount: t.exposeInt('childCount'),
    articleCount: t.exposeInt('articleCount'),
  }),
});

builder.objectType(FileTooLargeError, {
  name: 'FileTooLargeError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ maxBytes: t.exposeInt('maxBytes') }),
});
