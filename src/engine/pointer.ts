/** The unescaped segments of an RFC 6901 JSON pointer: `/a~1b/c` → `a/b`, `c`. */
export function parsePointer(pointer: string): string[] {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const segmentsByPointer = new Map<string, readonly string[]>();

/** parsePointer for the few dozen pointers rules name, which every file resolves: each split once. */
export function pointerSegments(pointer: string): readonly string[] {
  let segments = segmentsByPointer.get(pointer);
  if (!segments) segmentsByPointer.set(pointer, segments = parsePointer(pointer));
  return segments;
}
