/**
 * An item's size as DynamoDB bills it, near enough: attribute names and strings in UTF-8 bytes, a number 1 byte per two
 * digits plus 1, a boolean 1, a list or map 3 bytes plus 1 per element.
 */
export const sizeOf = (value: unknown): number => {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/\D|^0+/g, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null) return 1;
  const elements = Array.isArray(value) ? value.map((element) => ['', element] as const) : Object.entries(value ?? {});
  return 3 + elements.reduce((sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + sizeOf(element), 0);
};
export const itemSize = (item: Record<string, unknown>) =>
  Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + sizeOf(value), 0);
