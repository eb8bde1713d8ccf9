import { DEFAULT_START_EPOCH_MS, Prng } from '../../core/index.js';
import type { DeleteWrite, Item, PutWrite, TableOperation, TableSpec, TtlExpireWrite, UpdateWrite } from '../../table/index.js';
import { attributeValue, buildAttributes } from './buildAttributes.js';
import { TRANSACTION_WRITE_ACTIONS, actionOf, enabled, transactionWidth, type ActionSwitches, type ActionTable, type SingleAction } from './changeActions.js';
import { keyValues, withKeyValues } from './keyValues.js';
import { largePayload } from './largePayload.js';
import type { Vocabulary } from './vocabulary.js';

/** One generated operation before it meets the table: raw, table-independent, shrinkable numbers. */
export type ChangeIntent = readonly [action: number, key: number, gap: number, detail: number, item?: Item];

export interface ChangeContext {
  readonly spec: TableSpec;
  readonly vocabulary: Vocabulary;
  /** Generated attribute names usable on this table (no key or TTL attribute). */
  readonly names: readonly string[];
  /** Attribute bumped by every modification, so a MODIFY always changes the item. */
  readonly versionName: string;
  readonly payloadName: string;
  readonly ttlName: string | undefined;
  /** TTL expiries are `ttlExpire`; otherwise (a table without TTL) they are plain deletes. */
  readonly ttlDeletes: boolean;
  readonly actions: ActionTable;
  readonly switches: ActionSwitches;
  /** One put in `largeOneIn` is near 400 KB, at most `largeMax` per sequence; 0 = never. */
  readonly largeOneIn: number;
  readonly largeMax: number;
}

interface Entry {
  readonly item: Item;
  readonly version: number;
  readonly large: boolean;
}

type SingleWrite = PutWrite | UpdateWrite | DeleteWrite | TtlExpireWrite;

/**
 * Turns intents into operations the table accepts, tracking what each item holds as the engine
 * will (operations are emitted in time order, so list order is apply order). An intent that does
 * not fit the item's state falls back to one that does: a modify of a missing item inserts it, a
 * delete of a missing item is a no-op delete, a no-op never changes anything. Every fallback keeps
 * the item present or absent as the intent meant, so removing one operation changes at most the
 * next operation on the same key.
 */
export class ChangeInterpreter {
  readonly operations: TableOperation[] = [];
  /** Stream records the operations will publish (exact for generated items). */
  records = 0;
  at = 0;
  private readonly items = new Map<number, Entry>();
  private largeLeft: number;

  constructor(private readonly c: ChangeContext) {
    this.largeLeft = c.largeMax;
  }

  apply(intent: ChangeIntent): void {
    const [raw, key, gap, detail, item] = intent;
    this.at += gap;
    const p = new Prng(detail);
    const action = actionOf(this.c.actions, raw);
    const width = transactionWidth(action);
    if (width === 0) {
      this.emit(this.single(action as SingleAction, key, p, item, false));
      return;
    }
    // Distinct items, none above the first key: a transaction of w writes on key k touches
    // min(w, k + 1) items, so it shrinks with its action and its key.
    const keys = [key];
    while (keys.length < Math.min(width, key + 1)) {
      let other = p.int(0, key);
      while (keys.includes(other)) other = (other + 1) % (key + 1);
      keys.push(other);
    }
    const kinds = TRANSACTION_WRITE_ACTIONS.filter((a) => enabled(a, this.c.switches));
    const writes = keys.map((k) => this.single(p.pick(kinds), k, p, item, true) as PutWrite | UpdateWrite | DeleteWrite);
    this.operations.push({ type: 'transactWrite', writes, at: this.at });
  }

  /** `write` is always a fresh object, so it takes its instant in place (no copy per operation). */
  private emit(write: SingleWrite): void {
    this.operations.push(Object.assign(write, { at: this.at }));
  }

  private single(action: SingleAction, index: number, p: Prng, item: Item | undefined, inTransaction: boolean): SingleWrite {
    const entry = this.items.get(index);
    const modify = this.c.switches.eventNames.has('MODIFY');
    if (entry === undefined) {
      switch (action) {
        case 'insert':
        case 'modifyReplace':
          return this.put(index, p, item, 1, inTransaction);
        case 'insertByUpdate':
        case 'modifyUpdate':
          return this.create(index, p, item);
        default:
          return { type: 'delete', key: keyValues(this.c.spec, index) };
      }
    }
    switch (action) {
      case 'insert':
      case 'modifyReplace':
        return modify ? this.put(index, p, item, entry.version + 1, inTransaction) : this.same(entry);
      case 'insertByUpdate':
      case 'modifyUpdate':
        return modify ? this.update(index, entry, p, item) : this.sameByUpdate(index, entry, p);
      case 'delete':
        return this.remove(index, 'delete');
      case 'ttlExpire':
        return this.remove(index, inTransaction || !this.c.ttlDeletes ? 'delete' : 'ttlExpire');
      case 'noopUpdate':
        return this.sameByUpdate(index, entry, p);
      default:
        return this.same(entry);
    }
  }

  /** A put that inserts or replaces; `version` 1 for new items. */
  private put(index: number, p: Prng, user: Item | undefined, version: number, inTransaction: boolean): PutWrite {
    const large = !inTransaction && user === undefined && this.largeLeft > 0 && this.c.largeOneIn > 0 && p.int(1, this.c.largeOneIn) === 1;
    const item: Item = withKeyValues(this.attributes(p, user, version), this.c.spec, index);
    if (large) {
      this.largeLeft--;
      item[this.c.payloadName] = largePayload(item, this.c.payloadName, this.c.vocabulary, p);
    }
    this.set(index, { item, version, large });
    return { type: 'put', item };
  }

  /** UpdateItem on a missing item: creates it (INSERT). */
  private create(index: number, p: Prng, user: Item | undefined): UpdateWrite {
    const key = keyValues(this.c.spec, index);
    const set = this.attributes(p, user, 1);
    this.set(index, { item: { ...set, ...key }, version: 1, large: false });
    return { type: 'update', key, set };
  }

  /** A partial update that always changes the item: the version moves, values change, one may go. */
  private update(index: number, entry: Entry, p: Prng, user: Item | undefined): UpdateWrite {
    const key = keyValues(this.c.spec, index);
    const set: Item = user === undefined ? { [this.c.versionName]: entry.version + 1 } : this.withoutKeys(user);
    const remove: string[] = entry.large ? [this.c.payloadName] : [];
    if (user === undefined) {
      for (let i = p.int(0, 2); i > 0; i--) {
        const name = p.pick(this.c.names);
        set[name] = attributeValue(name, this.c.vocabulary, p);
      }
      const removable = Object.keys(entry.item).filter((name) => this.c.names.includes(name) && !(name in set));
      if (removable.length > 0 && p.chance(0.3)) remove.push(p.pick(removable));
    }
    const item: Item = { ...entry.item, ...set };
    for (const name of remove) delete item[name];
    this.set(index, { item, version: entry.version + 1, large: false });
    return remove.length === 0 ? { type: 'update', key, set } : { type: 'update', key, set, remove };
  }

  private remove(index: number, type: 'delete' | 'ttlExpire'): DeleteWrite | TtlExpireWrite {
    this.items.delete(index);
    this.records++;
    return { type, key: keyValues(this.c.spec, index) };
  }

  /** A put of exactly the current item: no record (R4). */
  private same(entry: Entry): PutWrite {
    return { type: 'put', item: entry.item };
  }

  /** An update that sets an attribute to the value it already has: no record (R4). */
  private sameByUpdate(index: number, entry: Entry, p: Prng): UpdateWrite {
    const key = keyValues(this.c.spec, index);
    const names = Object.keys(entry.item).filter((name) => !(name in key));
    if (names.length === 0) return { type: 'update', key };
    const name = p.pick(names);
    return { type: 'update', key, set: { [name]: entry.item[name] } };
  }

  private attributes(p: Prng, user: Item | undefined, version: number): Item {
    if (user !== undefined) return this.withoutKeys(user);
    const item = buildAttributes(this.c.vocabulary, p, this.c.names);
    item[this.c.versionName] = version;
    if (this.c.ttlName !== undefined) {
      // Epoch seconds 1..48 hours after the write, as a TTL attribute usually holds.
      item[this.c.ttlName] = Math.floor((DEFAULT_START_EPOCH_MS + this.at) / 1000) + 3600 * p.int(1, 48);
    }
    return item;
  }

  private withoutKeys(user: Item): Item {
    const out: Item = { ...user };
    delete out[this.c.spec.partitionKey.name];
    if (this.c.spec.sortKey !== undefined) delete out[this.c.spec.sortKey.name];
    return out;
  }

  private set(index: number, entry: Entry): void {
    this.items.set(index, entry);
    this.records++;
  }
}
