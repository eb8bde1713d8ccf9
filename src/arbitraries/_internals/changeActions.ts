/**
 * What one generated operation means to do, ordered from simplest to most complex: shrinking an
 * intent's raw action value moves it towards a plain put, and a transaction only shrinks into
 * fewer writes (`tx1` … `tx4` hold 1 … 4 writes).
 */
export const ACTIONS = [
  'insert',
  'modifyUpdate',
  'modifyReplace',
  'delete',
  'ttlExpire',
  'insertByUpdate',
  'noopPut',
  'noopUpdate',
  'deleteMissing',
  'tx1',
  'tx2',
  'tx3',
  'tx4',
] as const;

export type Action = (typeof ACTIONS)[number];
export type SingleAction = Exclude<Action, 'tx1' | 'tx2' | 'tx3' | 'tx4'>;

/** Relative frequency per 1000 operations when every kind is enabled. */
const WEIGHTS: Readonly<Record<Action, number>> = {
  insert: 220,
  modifyUpdate: 250,
  modifyReplace: 90,
  delete: 90,
  ttlExpire: 30,
  insertByUpdate: 40,
  noopPut: 25,
  noopUpdate: 25,
  deleteMissing: 20,
  tx1: 40,
  tx2: 40,
  tx3: 25,
  tx4: 15,
};

export type EventName = 'INSERT' | 'MODIFY' | 'REMOVE';

export interface ActionSwitches {
  readonly eventNames: ReadonlySet<EventName>;
  readonly ttl: boolean;
  readonly transactions: boolean;
  readonly noOps: boolean;
}

/** Single-item kinds a transaction write may take. */
export const TRANSACTION_WRITE_ACTIONS: readonly SingleAction[] = ['insert', 'modifyUpdate', 'modifyReplace', 'delete', 'insertByUpdate'];

export function enabled(action: Action, s: ActionSwitches): boolean {
  switch (action) {
    case 'modifyUpdate':
    case 'modifyReplace':
      return s.eventNames.has('MODIFY');
    case 'delete':
      return s.eventNames.has('REMOVE');
    case 'ttlExpire':
      return s.eventNames.has('REMOVE') && s.ttl;
    case 'noopPut':
    case 'noopUpdate':
    case 'deleteMissing':
      return s.noOps;
    case 'tx1':
    case 'tx2':
    case 'tx3':
    case 'tx4':
      return s.transactions;
    default:
      return true;
  }
}

/** A monotone table from a raw integer in `0..total-1` to an action: smaller raw, simpler action. */
export interface ActionTable {
  readonly total: number;
  readonly bounds: readonly number[];
  readonly actions: readonly Action[];
}

export function actionTable(s: ActionSwitches): ActionTable {
  const actions = ACTIONS.filter((a) => enabled(a, s));
  const bounds: number[] = [];
  let total = 0;
  for (const action of actions) bounds.push((total += WEIGHTS[action]));
  return { total, bounds, actions };
}

export function actionOf(table: ActionTable, raw: number): Action {
  for (let i = 0; i < table.bounds.length; i++) if (raw < table.bounds[i]!) return table.actions[i]!;
  return table.actions[table.actions.length - 1]!;
}

/** Writes of a transaction action, 0 for single-item actions. */
export function transactionWidth(action: Action): number {
  return action.startsWith('tx') ? Number(action.slice(2)) : 0;
}
