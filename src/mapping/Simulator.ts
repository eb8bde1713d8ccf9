import { Prng, type Millis } from '../core/index.js';
import { shardHashOf } from '../stream/shardHashOf.js';
import { FaultPlan } from '../faults/FaultPlan.js';
import type { TimedFault } from '../faults/faultSchedule.js';
import type { Scenario } from '../scenario/scenario.js';
import type { StreamHistory, StreamRecord } from '../stream/streamHistory.js';
import type { Trace } from '../trace/trace.js';
import type { DiscardCondition, OnFailureMessage } from '../trace/traceEvent.js';
import { TraceWriter } from '../trace/TraceWriter.js';
import { retryDelay } from './backoff.js';
import { Choices } from './Choices.js';
import { decideOutcome, type DecidedOutcome } from './decideOutcome.js';
import { DependencyGate } from './DependencyGate.js';
import { newDispatch, type Dispatch } from './Dispatch.js';
import { eventJson } from './invocationEvent.js';
import { captureConsole } from './captureConsole.js';
import { Invoker } from './Invoker.js';
import { LogBook } from './LogBook.js';
import { EventQueue } from './EventQueue.js';
import type { HandlerTarget } from './handlerTypes.js';
import { onFailureMessage, type OnFailureInput } from './onFailureMessage.js';
import { planBatch } from './planBatch.js';
import { nextMacrotask } from './realTime.js';
import { COMMITTED, DISCARDED, SKIPPED, TRIMMED, ShardState, type LaneState, type Segment } from './ShardState.js';
import { traceHeader } from './traceHeader.js';

export interface SimulateOptions {
  /** Real milliseconds a handler may take before it is cut off as hung. Default 5000. */
  readonly realTimeGuardMs?: number;
  /** Stop after this many dispatches. Default 100000. */
  readonly maxDispatches?: number;
  /** Stop at this virtual instant. Default 30 days. */
  readonly maxVirtualTimeMs?: Millis;
  /**
   * Capture the console output (console methods, `process.stdout`/`stderr` writes) that the
   * handler writes inside its invocations instead of printing it; the lines are on
   * `trace.logs`, each with its invocation. Output outside any invocation is never touched.
   * Default true.
   */
  readonly captureLogs?: boolean;
}

type Agenda =
  | { readonly kind: 'wake'; readonly lane: LaneState }
  | { readonly kind: 'start'; readonly shard: ShardState }
  | { readonly kind: 'close'; readonly shard: ShardState }
  | { readonly kind: 'fault'; readonly fault: TimedFault }
  | { readonly kind: 'complete'; readonly dispatch: Dispatch };


/**
 * The event source mapping as a discrete-event loop over virtual time (docs/rules.md).
 * Handlers are real promises; virtual time stands still while they run, and everything that
 * starts at one instant runs concurrently, in an order the scenario's interleaving chooses.
 */
export class Simulator {
  private readonly queue = new EventQueue<Agenda>();
  private readonly trace: TraceWriter;
  private readonly choices: Choices;
  private readonly invoker: Invoker;
  private readonly faults: FaultPlan;
  private readonly shards: ShardState[];
  private readonly children = new Map<number, ShardState[]>();
  private readonly requestIds: Prng;
  private readonly maxDispatches: number;
  private readonly maxVirtualTimeMs: Millis;
  private readonly logs: LogBook | undefined;
  private starting: { readonly lane: LaneState; readonly segment: Segment; readonly generation: number }[] = [];
  private enabled: boolean;
  protected now: Millis = 0;
  private dispatches = 0;
  /** When reading begins; with LATEST a random point after creation (R22). */
  private readonly startAt: Millis;

  constructor(
    protected readonly scenario: Scenario,
    private readonly history: StreamHistory,
    target: HandlerTarget,
    options: SimulateOptions = {},
  ) {
    const prng = new Prng(scenario.simSeed).derive('mapping');
    this.requestIds = prng.derive('requestIds');
    this.choices = new Choices(scenario.interleaving);
    this.faults = new FaultPlan(scenario.faults, prng.derive('faultDraws').seed);
    this.trace = new TraceWriter(traceHeader(history, scenario));
    const gate = new DependencyGate(this.faults, this.trace, this.choices, prng.derive('dependencyErrors'), () => this.now);
    this.logs = options.captureLogs === false ? undefined : new LogBook(() => this.now);
    this.invoker = new Invoker(target, scenario.function, this.trace, this.choices, gate, options.realTimeGuardMs ?? 5000, () => this.now, this.logs);
    this.maxDispatches = options.maxDispatches ?? 100_000;
    this.maxVirtualTimeMs = options.maxVirtualTimeMs ?? 30 * 24 * 3_600_000;
    this.enabled = scenario.mapping.enabled;
    this.shards = history.shards.map((shard) => new ShardState(shard, scenario.mapping.parallelizationFactor, (r) => this.laneHash(r)));
    for (const shard of this.shards) {
      for (const parent of shard.history.parents) this.children.set(parent, [...(this.children.get(parent) ?? []), shard]);
    }
    this.startAt = scenario.mapping.startingPosition === 'LATEST' ? prng.derive('latest').int(0, scenario.timing.latestStartJitterMs) : 0;
    this.schedule();
  }

  async run(): Promise<Trace> {
    const release = this.logs === undefined ? undefined : captureConsole();
    try {
      return this.withLogs(await this.loop());
    } finally {
      this.logs?.close();
      release?.();
    }
  }

  /** The captured console output rides on the trace, out of its serialised form. */
  private withLogs(trace: Trace): Trace {
    if (this.logs === undefined) return trace;
    return Object.defineProperties(trace, {
      logs: { value: this.logs.lines, enumerable: false },
      logsDropped: { value: this.logs.dropped, enumerable: false },
    });
  }

  private async loop(): Promise<Trace> {
    let reason: 'drained' | 'stalled' | 'limit' | undefined;
    while (reason === undefined) {
      const t = this.queue.peekTime();
      if (t === undefined) break;
      if (t > this.maxVirtualTimeMs || this.dispatches >= this.maxDispatches) reason = 'limit';
      else {
        this.now = t;
        while (this.queue.peekTime() === t) this.handle(this.queue.pop()!.item);
        if (this.starting.length > 0) await this.startGroup();
      }
    }
    await nextMacrotask();
    reason ??= this.shards.every((shard) => shard.checkpoint === shard.records.length) ? 'drained' : 'stalled';
    this.trace.append({ type: 'end', t: this.now, reason });
    this.invoker.stop();
    return this.trace.finish();
  }

  private schedule(): void {
    for (const shard of this.shards) {
      if (this.startsOnItsOwn(shard)) this.queue.push(Math.max(this.startAt, shard.history.createdAt), { kind: 'start', shard });
      if (shard.history.closedAt !== undefined) this.queue.push(shard.history.closedAt, { kind: 'close', shard });
    }
    for (const fault of this.scenario.faults.timed) this.queue.push(fault.at, { kind: 'fault', fault });
  }

  private handle(entry: Agenda): void {
    switch (entry.kind) {
      case 'wake':
        if (entry.lane.wakeAt === this.now) entry.lane.wakeAt = undefined;
        return this.progress(entry.lane);
      case 'start':
        return this.makeReady(entry.shard);
      case 'close':
        return this.finishIfDrained(entry.shard);
      case 'fault':
        return this.timedFault(entry.fault);
      case 'complete':
        return this.complete(entry.dispatch);
    }
  }

  // ── shards ──────────────────────────────────────────────────────────────────────────────

  /**
   * R22: with LATEST, every shard open when reading begins starts after its last record written
   * before that instant; shards created later are read from their start.
   */
  private makeReady(shard: ShardState): void {
    const latest = this.scenario.mapping.startingPosition === 'LATEST' && shard.history.createdAt <= this.startAt;
    const from = latest ? 'LATEST' : 'TRIM_HORIZON';
    const found = latest ? shard.records.findIndex((r) => r.createdAt >= this.startAt) : 0;
    const startIndex = found < 0 ? shard.records.length : found;
    shard.ready = true;
    shard.state.fill(SKIPPED, 0, startIndex);
    for (const lane of shard.lanes) lane.cursor = startIndex;
    this.trace.append({ type: 'shard-ready', t: this.now, shard: shard.ordinal, from, startIndex });
    this.settled(shard);
    for (const lane of shard.lanes) this.progress(lane);
  }

  /** After records settle: move the checkpoint (R38, R42) and release children when drained (R7). */
  private settled(shard: ShardState): void {
    if (shard.advanceCheckpoint()) {
      const last = shard.records[shard.checkpoint - 1]!;
      this.trace.append({ type: 'checkpoint', t: this.now, shard: shard.ordinal, seq: last.seq, record: last.ordinal });
    }
    this.finishIfDrained(shard);
  }

  private finishIfDrained(shard: ShardState): void {
    if (shard.finished || !shard.ready || !shard.isDrained(this.now)) return;
    shard.finished = true;
    for (const child of this.children.get(shard.ordinal) ?? []) {
      const parentsDone = child.history.parents.every((p) => this.shards[p]!.finished);
      if (parentsDone && !child.ready) this.makeReady(child);
    }
  }

  private settle(lane: LaneState, records: readonly StreamRecord[], state: number): void {
    for (const record of records) lane.shard.state[record.index] = state;
    this.settled(lane.shard);
  }

  private lost(shard: ShardState, records: readonly StreamRecord[]): void {
    if (records.length === 0) return;
    for (const record of records) shard.state[record.index] = TRIMMED;
    this.trace.append({ type: 'trim', t: this.now, shard: shard.ordinal, records: records.map((r) => r.ordinal) });
    this.settled(shard);
  }

  // ── lanes: the pre-invocation part of the decision procedure ───────────────────────────────

  private wake(lane: LaneState, at: Millis): void {
    if (lane.wakeAt !== undefined && lane.wakeAt <= at) return;
    lane.wakeAt = at;
    this.queue.push(at, { kind: 'wake', lane });
  }

  private pollTick(at: Millis): Millis {
    const interval = this.scenario.timing.pollIntervalMs;
    return Math.ceil(at / interval) * interval;
  }

  private progress(lane: LaneState): void {
    if (!this.enabled || !lane.shard.ready || lane.inFlight) return;
    if (lane.waitUntil > this.now) return this.wake(lane, lane.waitUntil);
    const duplicate = lane.duplicates.shift();
    if (duplicate !== undefined) return this.dispatch(lane, duplicate);
    for (;;) {
      let segment = lane.segments[lane.segments.length - 1];
      if (segment === undefined) {
        if (this.blockedByOtherLane(lane)) return;
        segment = this.nextBatch(lane);
        if (segment === undefined) return;
      }
      this.gate(lane, segment);
      if (segment.records.length > 0) return this.dispatch(lane, segment);
      lane.segments.pop();
    }
  }

  /** Semantics knob: with `laneFailureBlocks: 'shard'`, a failing lane holds back new batches of the others. */
  private blockedByOtherLane(lane: LaneState): boolean {
    if (this.scenario.semantics.laneFailureBlocks !== 'shard') return false;
    return lane.shard.lanes.some((other) => other !== lane && other.failing);
  }

  private nextBatch(lane: LaneState): Segment | undefined {
    const windowMs = this.scenario.mapping.maximumBatchingWindowInSeconds * 1000;
    const trimmed: StreamRecord[] = [];
    const plan = planBatch(lane, this.now, { batchSize: this.batchSizeLimit(), windowMs }, trimmed);
    this.lost(lane.shard, trimmed);
    if (plan.kind === 'wait') {
      if (plan.until !== undefined) this.wake(lane, this.pollTick(plan.until));
      return undefined;
    }
    const shard = lane.shard.ordinal;
    const ordinals = plan.records.map((r) => r.ordinal);
    this.trace.append({ type: 'poll', t: this.now, shard, lane: lane.lane, records: ordinals.length === plan.seen ? ordinals : this.visible(lane, plan.seen) });
    this.trace.append({ type: 'batch', t: this.now, shard, lane: lane.lane, records: ordinals, cut: plan.cut });
    lane.cursor = plan.records[plan.records.length - 1]!.index + 1;
    lane.windowStart = undefined;
    const segment: Segment = { records: plan.records, attempts: 0, lastRequestId: undefined, lastWasFunctionError: false, duplicate: false };
    lane.segments.push(segment);
    return segment;
  }

  /** Ordinals of the first `count` pending records of the lane from its cursor (for the poll event). */
  private visible(lane: LaneState, count: number): number[] {
    const out: number[] = [];
    const { records, laneOf, state } = lane.shard;
    for (let i = lane.cursor; i < records.length && out.length < count; i++) {
      if (laneOf[i] === lane.lane && state[i] === 0) out.push(records[i]!.ordinal);
    }
    return out;
  }

  /** Before every invocation: records gone from the stream (R6) or too old (R25) leave the set. */
  private gate(lane: LaneState, segment: Segment): void {
    const now = this.now;
    let trimmed = 0;
    while (trimmed < segment.records.length && segment.records[trimmed]!.trimAt <= now) trimmed++;
    if (trimmed > 0) {
      this.lost(lane.shard, segment.records.slice(0, trimmed));
      segment.records = segment.records.slice(trimmed);
    }
    const maxAge = this.scenario.mapping.maximumRecordAgeInSeconds;
    if (maxAge === -1 || !this.checksAgeBefore(segment)) return;
    let expired = 0;
    while (expired < segment.records.length && now - this.arrivalOf(segment.records[expired]!) > maxAge * 1000) expired++;
    if (expired === 0) return;
    this.discard(lane, segment, segment.records.slice(0, expired), 'RecordAgeExceeded');
    segment.records = segment.records.slice(expired);
  }

  /** R25: age counts from ApproximateCreationDateTime, which DynamoDB rounds down to the second. */
  private arrivalOf(record: StreamRecord): Millis {
    const epoch = this.scenario.startEpochMs;
    return Math.floor((epoch + record.createdAt) / 1000) * 1000 - epoch;
  }

  private discard(lane: LaneState, segment: Segment, records: readonly StreamRecord[], condition: DiscardCondition): void {
    const destination = this.scenario.mapping.destinationConfig.onFailure?.destination;
    const payload = this.failureMessage(
      destination === undefined
        ? undefined
        : {
            condition,
            requestId: condition === 'RetryAttemptsExhausted' && segment.lastRequestId !== undefined ? segment.lastRequestId : this.requestIds.uuid(),
            functionArn: this.scenario.function.functionArn,
            approximateInvokeCount: Math.max(segment.attempts, 1),
            lastWasFunctionError: segment.lastWasFunctionError,
            records,
            shardId: lane.shard.history.id,
            streamArn: this.history.arn,
            destination,
            s3PayloadForm: this.scenario.semantics.s3PayloadForm,
            eventJson: () => eventJson(records),
            now: this.now,
            startEpochMs: this.scenario.startEpochMs,
          },
    );
    this.trace.append({ type: 'discard', t: this.now, shard: lane.shard.ordinal, lane: lane.lane, records: records.map((r) => r.ordinal), condition, payload });
    this.settle(lane, records, DISCARDED);
  }

  // ── dispatch and the handler group ──────────────────────────────────────────────────────

  /** Decides that the lane invokes its segment at this instant; it starts with the instant's group. */
  private dispatch(lane: LaneState, segment: Segment): void {
    lane.inFlight = true;
    this.starting.push({ lane, segment, generation: lane.generation });
  }

  /**
   * Starts every dispatch decided at this instant concurrently, in an order the interleaving
   * chooses, waits for all, then queues their completions. Dispatches are numbered and matched
   * against invocation faults as they start.
   */
  private async startGroup(): Promise<void> {
    const decided = this.choices.order(this.starting);
    this.starting = [];
    const group = decided.map(({ lane, segment, generation }) => {
      const id = this.dispatches++;
      const attempt = segment.attempts + 1;
      const records = segment.records.map((r) => r.ordinal);
      const fault = segment.duplicate ? undefined : this.faults.forDispatch({ dispatch: id, shard: lane.shard.ordinal, lane: lane.lane, attempt, records, t: this.now });
      return newDispatch({ id, lane, segment, generation, attempt, requestId: this.requestIds.uuid(), fault });
    });
    await this.invoker.runGroup(group);
    for (const d of this.choices.order(group)) {
      const timedOut = d.fault?.kind === 'timeout' || d.call?.run.kind === 'hung';
      const duration = timedOut ? this.scenario.function.timeout * 1000 : d.fault?.kind === 'throttle' ? 0 : this.scenario.timing.invocationMs;
      this.queue.push(this.now + duration, { kind: 'complete', dispatch: d });
    }
  }

  /** A disable or restart at the instant a batch was about to start: it never starts (R28). */
  private cancelUnstarted(): void {
    const stale = this.starting.filter((d) => d.generation !== d.lane.generation);
    this.starting = this.starting.filter((d) => d.generation === d.lane.generation);
    for (const d of stale) d.lane.inFlight = false;
  }

  // ── completion: the post-invocation part of the decision procedure ───────────────────────

  private complete(d: Dispatch): void {
    d.call?.close();
    const outcome = decideOutcome({
      fault: d.fault,
      call: d.call,
      batchSeqs: seqsOf(d.segment.records),
      reportBatchItemFailures: this.scenario.mapping.functionResponseTypes.includes('ReportBatchItemFailures'),
      semantics: this.scenario.semantics,
      timeoutSeconds: this.scenario.function.timeout,
    });
    this.trace.append({
      type: 'result',
      t: this.now,
      id: d.id,
      outcome: outcome.outcome,
      ...(outcome.response === undefined ? {} : { response: outcome.response }),
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
      ...(outcome.lowest === undefined ? {} : { lowest: outcome.lowest }),
      ...(outcome.fault === undefined ? {} : { fault: outcome.fault }),
    });
    for (const finding of outcome.findings) this.trace.append({ type: 'finding', t: this.now, kind: finding.kind, dispatch: d.id, detail: finding.detail });
    this.invoker.release(d, outcome);
    const lane = d.lane;
    lane.inFlight = false;
    if (d.generation === lane.generation && !d.segment.duplicate) this.applyOutcome(lane, d, outcome);
    if (lane.segments.length === 0) lane.windowStart = this.now; // R20: the next window opens now
    this.progress(lane);
  }

  private applyOutcome(lane: LaneState, d: Dispatch, outcome: DecidedOutcome): void {
    const segment = d.segment;
    const { mapping } = this.scenario;
    if (outcome.outcome === 'NOT_INVOKED' && !this.throttleCountsAsAttempt()) {
      lane.waitUntil = this.now + this.scenario.timing.throttleRetryMs; // R33: no attempt counted, no bisect
      return;
    }
    segment.attempts++;
    segment.lastRequestId = d.requestId;
    segment.lastWasFunctionError = outcome.outcome === 'FUNCTION_ERROR';
    if (outcome.outcome === 'OK_SUCCESS') return this.succeed(lane, segment.records, true); // R32
    if (outcome.outcome === 'OK_PARTIAL') {
      const index = this.partialCommitIndex(segment.records, outcome);
      if (index >= segment.records.length) return this.succeed(lane, segment.records, true);
      if (index > 0) {
        // R38: commit what precedes the lowest reported failure, retry from it; R39: fresh counter.
        this.succeed(lane, segment.records.slice(0, index), false);
        segment.records = segment.records.slice(index);
        if (this.resetsRetriesOnPartialProgress()) segment.attempts = 0;
        return;
      }
    } else if (outcome.outcome !== 'NOT_INVOKED' && mapping.bisectBatchOnFunctionError && segment.records.length > 1) {
      return this.bisect(lane, segment); // R43: splits do not count towards the retry quota
    }
    if (this.retriesExhausted(segment.attempts)) {
      lane.segments.pop();
      this.setFailing(lane, false);
      return this.discard(lane, segment, segment.records, 'RetryAttemptsExhausted'); // R24, R41, R42
    }
    this.setFailing(lane, true);
    lane.waitUntil = this.now + retryDelay(this.scenario.timing, segment.attempts);
  }

  // ── seams: one rule each, overridden only by the deliberately broken simulators in tests ──

  /** R38: records before the lowest reported failure are committed. */
  protected partialCommitIndex(records: readonly StreamRecord[], outcome: DecidedOutcome): number {
    return records.findIndex((r) => r.seq === outcome.lowest);
  }

  /** R39 (knob `semantics.resetRetriesOnPartialProgress`). */
  protected resetsRetriesOnPartialProgress(): boolean {
    return this.scenario.semantics.resetRetriesOnPartialProgress;
  }

  /** R33: a throttled dispatch never reached the function. */
  protected throttleCountsAsAttempt(): boolean {
    return false;
  }

  /** R24: `maximumRetryAttempts` m allows m + 1 invocations of a record set. */
  protected retriesExhausted(attempts: number): boolean {
    const m = this.scenario.mapping.maximumRetryAttempts;
    return m !== -1 && attempts > m;
  }

  /** R43: two contiguous halves, left one larger for odd sizes. */
  protected split(records: readonly StreamRecord[]): [readonly StreamRecord[], readonly StreamRecord[]] {
    const mid = Math.ceil(records.length / 2);
    return [records.slice(0, mid), records.slice(mid)];
  }

  /** R25: the age limit is checked before every invocation, retries included. */
  protected checksAgeBefore(segment: Segment): boolean {
    return segment.records.length > 0;
  }

  /** R7: a shard with parents waits for them; only root shards start on their own. */
  protected startsOnItsOwn(shard: ShardState): boolean {
    return shard.history.parents.length === 0;
  }

  /** R28: resume from the checkpoint. */
  protected resume(shard: ShardState): void {
    shard.resetToCheckpoint();
  }

  /** R26: the lane of a record, keyed by partition key by default. */
  protected laneHash(record: StreamRecord): number {
    return shardHashOf(this.scenario.semantics.laneKey === 'itemKey' ? record.itemKey : record.partitionKey);
  }

  /** R19: at most batchSize records per batch. */
  protected batchSizeLimit(): number {
    return this.scenario.mapping.batchSize;
  }

  /** R41: the OnFailure message, when a destination is configured. */
  protected failureMessage(input: OnFailureInput | undefined): OnFailureMessage | null {
    return input === undefined ? null : onFailureMessage(input);
  }

  private succeed(lane: LaneState, records: readonly StreamRecord[], whole: boolean): void {
    if (whole) lane.segments.pop();
    this.setFailing(lane, false);
    lane.shard.lastCommitted = { lane: lane.lane, records };
    this.settle(lane, records, COMMITTED);
  }

  private bisect(lane: LaneState, segment: Segment): void {
    const [left, right] = this.split(segment.records);
    lane.segments.pop();
    const half = (records: readonly StreamRecord[]): Segment => ({ records, attempts: 0, lastRequestId: undefined, lastWasFunctionError: false, duplicate: false });
    lane.segments.push(half(right), half(left));
    this.trace.append({ type: 'bisect', t: this.now, shard: lane.shard.ordinal, lane: lane.lane, left: left.map((r) => r.ordinal), right: right.map((r) => r.ordinal) });
  }

  private setFailing(lane: LaneState, failing: boolean): void {
    const was = lane.failing;
    lane.failing = failing;
    if (was && !failing && this.scenario.semantics.laneFailureBlocks === 'shard') {
      for (const other of lane.shard.lanes) if (other !== lane) this.wake(other, this.now);
    }
  }

  // ── timed faults ─────────────────────────────────────────────────────────────────────────

  private timedFault(fault: TimedFault): void {
    this.trace.append({ type: 'fault', t: this.now, kind: fault.kind, ...(fault.kind === 'duplicate' ? { shard: fault.shard } : {}) });
    switch (fault.kind) {
      case 'disable':
        if (!this.enabled) return;
        this.enabled = false;
        this.trace.append({ type: 'mapping', t: this.now, state: 'disabled' });
        return this.resetReadyShards();
      case 'enable':
        if (this.enabled) return;
        this.enabled = true;
        this.trace.append({ type: 'mapping', t: this.now, state: 'enabled' });
        return this.wakeAll();
      case 'restart':
        this.trace.append({ type: 'mapping', t: this.now, state: 'restarted' });
        this.resetReadyShards();
        return this.wakeAll();
      case 'duplicate':
        return this.duplicate(fault.shard);
      case 'reclaim':
        return this.invoker.reclaimIdle();
    }
  }

  /** R28: whatever is after the checkpoint will be read again; in-flight results become stale. */
  private resetReadyShards(): void {
    for (const shard of this.shards) if (shard.ready && !shard.finished) this.resume(shard);
    this.cancelUnstarted();
  }

  private wakeAll(): void {
    for (const shard of this.shards) if (shard.ready) for (const lane of shard.lanes) this.wake(lane, this.now);
  }

  /** R48: the last committed batch of the shard is delivered once more. */
  private duplicate(ordinal: number): void {
    const shard = this.shards[ordinal];
    const committed = shard?.lastCommitted;
    if (shard === undefined || committed === undefined) return;
    const lane = shard.lanes[committed.lane]!;
    lane.duplicates.push({ records: committed.records, attempts: 0, lastRequestId: undefined, lastWasFunctionError: false, duplicate: true });
    this.wake(lane, this.now);
  }
}

/** The records' sequence numbers as a set, built on the first lookup: most responses name none. */
function seqsOf(records: readonly StreamRecord[]): Pick<ReadonlySet<string>, 'has'> {
  let seqs: Set<string> | undefined;
  return { has: (seq) => (seqs ??= new Set(records.map((r) => r.seq))).has(seq) };
}
