import { userError } from '../db/errors.js';

/** Refuses an integer argument outside [min, max] with a message that gives the range. */
export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw userError(
      'BAD_USER_INPUT',
      `\`${name}\` must be a whole number from ${min} to ${max}; it was ${value}.`,
      { argument: name, min, max },
    );
  }
  return value;
}

/** Refuses a list argument that is empty or longer than max. */
export function checkListSize<T>(
  name: string,
  values: readonly T[],
  min: number,
  max: number,
): T[] {
  if (values.length < min || values.length > max) {
    throw userError(
      'BAD_USER_INPUT',
      `\`${name}\` must hold from ${min} to ${max} items; it held ${values.length}.`,
      { argument: name, min, max },
    );
  }
  return [...values];
}
