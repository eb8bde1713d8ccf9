import { optionError } from '../core/index.js';
import type { AttributeMap, ItemChange } from './itemChange.js';
import { checkWriteShape, planWrite, type PlannedWrite } from './planWrite.js';
import { sameItem } from './sameItem.js';
import type { StoredItem } from './storedItem.js';
import type { TableOperation } from './tableOperation.js';
import type { TableSpec } from './tableSpec.js';

const OPERATION_TYPES = ['put', 'update', 'delete', 'ttlExpire', 'transactWrite'];
const TRANSACTION_WRITE_TYPES = ['put', 'update', 'delete'];
// TransactWriteItems accepts 1..100 actions.
const MAX_TRANSACTION_WRITES = 100;

/** An in-memory DynamoDB table that reports each change as the stream record AWS would publish. */
export class Table {
  private readonly items = new Map<string, StoredItem>();

  constructor(readonly spec: TableSpec) {}

  /**
   * Applies one operation and returns the item changes it publishes, in order: none for writes
   * that change nothing (R4), one per changed item for a transaction (R12). Invalid operations
   * throw before anything changes; errors name `operations[opIndex]`.
   */
  apply(op: TableOperation, opIndex: number): ItemChange[] {
    const path = `operations[${opIndex}]`;
    const write = checkWriteShape(op, path, OPERATION_TYPES, ['at']);
    const plans = write['type'] === 'transactWrite' ? this.planTransaction(write['writes'], path) : [this.plan(write, path)];
    const changes: ItemChange[] = [];
    for (const plan of plans) {
      if (plan.after === undefined) this.items.delete(plan.itemKey);
      else this.items.set(plan.itemKey, plan.after);
      const change = this.changeOf(plan, opIndex);
      if (change !== undefined) changes.push(change);
    }
    return changes;
  }

  /** The current image of an item, Lambda-shaped, by its `itemKeyOf` string; a mutable copy. */
  get(itemKey: string): AttributeMap | undefined {
    const item = this.items.get(itemKey);
    return item === undefined ? undefined : structuredClone(item.image);
  }

  /** Every current item, Lambda-shaped, by its `itemKeyOf` string; mutable copies. */
  *images(): IterableIterator<[string, AttributeMap]> {
    for (const [key, item] of this.items) yield [key, structuredClone(item.image)];
  }

  get itemCount(): number {
    return this.items.size;
  }

  private plan(write: Record<string, unknown>, path: string): PlannedWrite {
    return planWrite(write, this.spec, (key) => this.items.get(key), path);
  }

  private planTransaction(writes: unknown, path: string): PlannedWrite[] {
    if (!Array.isArray(writes) || writes.length === 0 || writes.length > MAX_TRANSACTION_WRITES) {
      throw optionError(`${path}.writes`, `must be an array of 1..${MAX_TRANSACTION_WRITES} writes`, writes);
    }
    const plans: PlannedWrite[] = [];
    for (const [index, write] of writes.entries()) {
      const writePath = `${path}.writes[${index}]`;
      const plan = this.plan(checkWriteShape(write, writePath, TRANSACTION_WRITE_TYPES, []), writePath);
      const earlier = plans.findIndex((p) => p.itemKey === plan.itemKey);
      if (earlier >= 0) {
        throw optionError(writePath, `must not write the item writes[${earlier}] already writes; DynamoDB allows one write per item in a transaction`, plan.itemKey);
      }
      plans.push(plan);
    }
    return plans;
  }

  private changeOf(plan: PlannedWrite, opIndex: number): ItemChange | undefined {
    const { before, after } = plan;
    if (before === undefined && after === undefined) return undefined;
    if (before !== undefined && after !== undefined && sameItem(before.image, after.image)) return undefined;
    const view = this.spec.streamViewType;
    const newItem = (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES') ? after : undefined;
    const oldItem = (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES') ? before : undefined;
    const { keys, keyBytes } = (after ?? before) as StoredItem;
    const size = keyBytes + (newItem?.sizeBytes ?? 0) + (oldItem?.sizeBytes ?? 0);
    // Images and keys are the stored items' own deep-frozen objects, shared between records.
    return {
      eventName: before === undefined ? 'INSERT' : after === undefined ? 'REMOVE' : 'MODIFY',
      itemKey: plan.itemKey,
      partitionKey: plan.partitionKey,
      keys,
      newImage: newItem?.image,
      oldImage: oldItem?.image,
      sizeBytes: Math.max(1, size),
      ttl: plan.ttl,
      opIndex,
    };
  }
}
