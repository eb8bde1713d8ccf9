import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LOG_LINES } from '../../src/mapping/LogBook.js';
import type { StreamHandler } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import { serializeTrace } from '../../src/trace/serializeTrace.js';
import { puts, TABLE } from './rules/helpers.js';

/*
 * Issue 11: a handler's console output during `simulate` is captured per invocation (not
 * printed, so shrinking does not flood the terminal) and handed to the caller beside the trace;
 * output outside any invocation passes through untouched, and the trace stays byte-identical.
 */

const scenario = (overrides: Partial<ScenarioParameters> = {}): ScenarioParameters => ({ table: TABLE, operations: puts(2, { at: (i) => i * 1000 }), ...overrides });

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'dir'] as const;
type Printed = [string, string][];

/** Replaces the console methods and stdout/stderr writes with recorders for the test, restoring them after. */
function recordPrinting(): { printed: Printed; restore: () => void } {
  const printed: Printed = [];
  const console = globalThis.console as unknown as Record<string, unknown>;
  const saved = METHODS.map((m) => [m, console[m]] as const);
  for (const m of METHODS) console[m] = (...args: unknown[]) => void printed.push([m, args.map(String).join(' ')]);
  const writes = (['stdout', 'stderr'] as const).map((name) => {
    const stream = process[name];
    const original = stream.write;
    stream.write = ((chunk: unknown) => {
      printed.push([name, String(chunk)]);
      return true;
    }) as typeof stream.write;
    return () => void (stream.write = original);
  });
  return {
    printed,
    restore: () => {
      for (const [m, fn] of saved) console[m] = fn;
      for (const undo of writes) undo();
    },
  };
}

const chatty: StreamHandler = async (event, context) => {
  const v = event.Records[0]!.dynamodb!.NewImage!['v']!.N;
  console.log('processing %s of %d', v, event.Records.length);
  console.info({ requestId: context.awsRequestId.length });
  console.warn('warn', v);
  console.error(new Error('oops').message);
  console.debug('debug');
  console.dir({ nested: { v } });
  process.stdout.write(`raw ${v}\n`);
  process.stderr.write(Buffer.from(`err ${v}\n`));
};

describe('console capture during simulate', () => {
  let recorder: ReturnType<typeof recordPrinting>;
  beforeEach(() => {
    recorder = recordPrinting();
  });
  afterEach(() => recorder.restore());

  it('captures every console method and stdout/stderr write inside an invocation, with its dispatch and virtual time; prints none of it', async () => {
    const trace = await simulate(scenario(), chatty);
    expect(recorder.printed).toEqual([]);
    expect(trace.logs!.map((l) => [l.dispatch, l.t, l.source, l.text])).toEqual(
      [0, 1].flatMap((d) => [
        [d, d * 1000, 'log', `processing ${d} of 1`],
        [d, d * 1000, 'info', '{ requestId: 36 }'],
        [d, d * 1000, 'warn', `warn ${d}`],
        [d, d * 1000, 'error', 'oops'],
        [d, d * 1000, 'debug', 'debug'],
        [d, d * 1000, 'dir', `{ nested: { v: '${d}' } }`],
        [d, d * 1000, 'stdout', `raw ${d}`],
        [d, d * 1000, 'stderr', `err ${d}`],
      ]),
    );
    expect(trace.logsDropped).toBe(0);
  });

  it('output outside any invocation passes through while a simulation runs, and the console is restored after it', async () => {
    const before = globalThis.console.log;
    let outsideDuringRun = false;
    const handler: StreamHandler = async () => {
      console.log('inside');
      await new Promise((resolve) => setImmediate(resolve));
    };
    // Scheduled before the simulation starts, so it runs in the test's own async context.
    const timer = setImmediate(() => {
      outsideDuringRun = globalThis.console.log !== before;
      console.log('outside');
    });
    const trace = await simulate(scenario(), handler);
    clearImmediate(timer);
    expect(outsideDuringRun).toBe(true);
    expect(recorder.printed).toEqual([['log', 'outside']]);
    expect(trace.logs!.map((l) => l.text)).toEqual(['inside', 'inside']);
    expect(globalThis.console.log).toBe(before);
  });

  it('captureLogs: false prints as usual and leaves no logs on the trace', async () => {
    const trace = await simulate(scenario({ operations: puts(1) }), chatty, { captureLogs: false });
    expect(recorder.printed.map(([source]) => source)).toEqual(['log', 'info', 'warn', 'error', 'debug', 'dir', 'stdout', 'stderr']);
    expect(trace.logs).toBeUndefined();
  });

  it('logs never enter the stored trace: same scenario, same bytes, captured or not', async () => {
    const captured = await simulate(scenario(), chatty);
    const printed = await simulate(scenario(), chatty, { captureLogs: false });
    expect(captured.logs).toHaveLength(16);
    expect(Object.keys(captured)).not.toContain('logs');
    expect(JSON.stringify(captured)).not.toContain('processing');
    expect(serializeTrace(captured)).toBe(serializeTrace(printed));
  });

  it(`keeps at most ${MAX_LOG_LINES} lines per simulation and counts the rest`, async () => {
    const trace = await simulate(scenario({ operations: puts(1) }), async () => {
      for (let i = 0; i < MAX_LOG_LINES + 5; i++) console.log(i);
    });
    expect(trace.logs).toHaveLength(MAX_LOG_LINES);
    expect(trace.logs!.at(-1)!.text).toBe(String(MAX_LOG_LINES - 1));
    expect(trace.logsDropped).toBe(5);
    expect(recorder.printed).toEqual([]);
  });

  it('output written after its simulation ended passes through', async () => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    let late: Promise<void> | undefined;
    const trace = await simulate(scenario({ operations: puts(1) }), async () => {
      late = later.then(() => console.log('late')); // still in the invocation's async context
    });
    release();
    await late;
    expect(trace.logs).toEqual([]);
    expect(recorder.printed).toEqual([['log', 'late']]);
  });

  it('late output of an ended simulation passes through even while another simulation captures', async () => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    let late: Promise<void> | undefined;
    await simulate(scenario({ operations: puts(1) }), async () => {
      late = later.then(() => console.log('late'));
    });
    const other = await simulate(scenario({ operations: puts(1) }), async () => {
      release();
      await late;
      console.log('other');
    });
    expect(other.logs!.map((l) => l.text)).toEqual(['other']);
    expect(recorder.printed).toEqual([['log', 'late']]);
  });
});
