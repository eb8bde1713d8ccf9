export function makeHandler(store) {
  return async (event) => {
    for (const record of event.Records) {
      const key = JSON.stringify(record.dynamodb.Keys);
      const seq = BigInt(record.dynamodb.SequenceNumber);
      const current = await store.get(key);
      if (current !== undefined && current.seq >= seq) continue;
      await store.put(key, { seq, removed: record.eventName === 'REMOVE' });
    }
  };
}
