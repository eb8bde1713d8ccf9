/** JSON that keeps what plain JSON loses in generated items: Sets (sorted) and binary values. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Set) return { $set: [...v].sort() };
    if (v instanceof Uint8Array) return { $bytes: [...v] };
    return v;
  });
}
