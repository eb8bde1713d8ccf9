import type { Trace, TraceRecord, TraceShard } from './trace.js';
import type { TraceEvent } from './traceEvent.js';

/** Append-only builder of a {@link Trace}. */
export class TraceWriter {
  private readonly events: TraceEvent[] = [];

  constructor(
    private readonly header: {
      readonly streamArn: string;
      readonly functionArn: string;
      readonly startEpochMs: number;
      readonly shards: readonly TraceShard[];
      readonly records: readonly TraceRecord[];
    },
  ) {}

  append(event: TraceEvent): void {
    this.events.push(event);
  }

  get length(): number {
    return this.events.length;
  }

  finish(): Trace {
    return { version: 1, ...this.header, events: this.events };
  }
}
