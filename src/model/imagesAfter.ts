import { invariant } from '../core/index.js';
import type { Scenario } from '../scenario/scenario.js';
import type { StreamHistory } from '../stream/streamHistory.js';
import { streamTimeline } from '../stream/streamTimeline.js';
import type { AttributeMap } from '../table/itemChange.js';
import { Table } from '../table/Table.js';

/**
 * Per record (by ordinal), the item's image in the table right after the record's change,
 * Lambda-shaped; undefined for a REMOVE. NEW_IMAGE and NEW_AND_OLD_IMAGES records carry it; for
 * KEYS_ONLY and OLD_IMAGE the writes are replayed on a table that keeps new images, which
 * publishes the same changes in the same order (view types cut images, never changes: R2, R4).
 */
export function imagesAfter(scenario: Scenario, history: StreamHistory): readonly (AttributeMap | undefined)[] {
  const view = scenario.table.streamViewType;
  if (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES') {
    return history.records.map((r) => (r.eventName === 'REMOVE' ? undefined : r.event.dynamodb?.NewImage));
  }
  const table = new Table({ ...scenario.table, streamViewType: 'NEW_IMAGE' });
  const images: (AttributeMap | undefined)[] = [];
  for (const step of streamTimeline(scenario.operations, [])) {
    if (step.kind !== 'operation') continue;
    for (const change of table.apply(step.op, step.opIndex)) {
      invariant(change.itemKey === history.records[images.length]?.itemKey, 'a replay of the writes publishes the stream history changes');
      images.push(change.newImage);
    }
  }
  invariant(images.length === history.records.length, 'a replay of the writes publishes every stream history change');
  return images;
}
