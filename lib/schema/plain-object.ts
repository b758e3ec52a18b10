// What JSON, storage and structured clone give for `{…}`: an object whose prototype is Object's (or none).
// Lists, dates, maps and class instances are objects too, and valibot's object schemas accept some of them.
import * as v from 'valibot';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A plain object (`message` says what one was expected), for the start of a pipe of object checks. */
export const plainObject = (message: string) => v.custom<Record<string, unknown>>(isPlainObject, message);
