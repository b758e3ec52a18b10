// An import that leaves something out must say what: the keys a valibot schema drops.
import { isPlainObject } from './plain-object';

interface SchemaShape {
  type: string;
  entries?: Record<string, unknown>;
  wrapped?: unknown;
  item?: unknown;
}

/**
 * The keys of `input` that `schema` does not name, as paths below it. Valibot's object schemas leave such
 * keys out without a word; this finds them by following the schema's public `entries` (objects), `item`
 * (lists) and `wrapped` (optional, nullable) through the input.
 */
export function unknownKeys(schema: unknown, input: unknown, keys: unknown[] = [], found: unknown[][] = []): unknown[][] {
  const shape = schema as SchemaShape;
  if (shape.wrapped !== undefined) return unknownKeys(shape.wrapped, input, keys, found);
  if (shape.type === 'object' && shape.entries !== undefined && isPlainObject(input)) {
    for (const key of Object.keys(input)) {
      if (Object.hasOwn(shape.entries, key)) unknownKeys(shape.entries[key], input[key], [...keys, key], found);
      else found.push([...keys, key]);
    }
  } else if (shape.type === 'array' && Array.isArray(input)) {
    input.forEach((item, index) => unknownKeys(shape.item, item, [...keys, index], found));
  }
  return found;
}
