/**
 * One value per process for `name`, created on first use and shared by every copy of shardcheck
 * loaded in it (the ES build through `import`, the CommonJS build through `require`). State that
 * must be seen from both — the current invocation, the process listeners installed once — lives
 * here instead of in a module variable, which each copy would have on its own.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`shardcheck.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return (holder[key] ??= create());
}
