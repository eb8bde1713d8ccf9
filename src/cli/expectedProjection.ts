import type { ScenarioParameters } from '../scenario/index.js';
import type { Item, TableOperation, Write } from '../table/index.js';

/** Key of an item the same way the example projection handler keys it (attribute names sorted). */
export type KeyOf = (keys: Record<string, unknown>) => string;

/**
 * The final image of every item, folded straight from the scenario's writes (not from the stream):
 * what a correct projection must hold at the end. Deleted and expired items are absent.
 */
export function expectedProjection(scenario: Pick<ScenarioParameters, 'table' | 'operations'>, keyOf: KeyOf): Map<string, Item> {
  const keyNames = [scenario.table.partitionKey, scenario.table.sortKey].flatMap((k) => (k === undefined ? [] : [typeof k === 'string' ? k : k.name]));
  const keyValues = (values: Record<string, unknown>) => Object.fromEntries(keyNames.map((name) => [name, values[name]]));
  const items = new Map<string, Item>();
  const apply = (write: Write): void => {
    switch (write.type) {
      case 'put':
        items.set(keyOf(keyValues(write.item)), { ...write.item });
        return;
      case 'update': {
        const key = keyOf(keyValues(write.key));
        const item: Item = { ...(items.get(key) ?? write.key), ...write.set };
        for (const name of write.remove ?? []) delete item[name];
        items.set(key, item);
        return;
      }
      case 'delete':
      case 'ttlExpire':
        items.delete(keyOf(keyValues(write.key)));
        return;
      case 'transactWrite':
        write.writes.forEach(apply);
        return;
    }
  };
  const ordered = scenario.operations.map((op, index) => ({ op, index })).sort((a, b) => a.op.at - b.op.at || a.index - b.index);
  for (const { op } of ordered) apply(op as TableOperation);
  return items;
}
