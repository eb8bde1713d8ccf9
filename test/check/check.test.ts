import { describe, expect, it } from 'vitest';
import * as api from '../../src/check/index.js';
import { check, INVARIANTS, RETIRED_INVARIANTS, type InvariantName } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, names, puts, simulated, TABLE } from './support.js';

const ALL: readonly InvariantName[] = [
  'batch-limits',
  'first-delivery-order',
  'checkpoint-monotonic',
  'no-skip',
  'resume-from-checkpoint',
  'parent-before-child',
  'retry-bound',
  'age-bound',
  'destination-payload',
  'at-least-once',
  'progress-after-faults',
  'handler-hang',
  'handler-init',
  'non-error-throw',
  'floating-rejection',
  'unserializable-response',
  'item-identifier',
  'event-mutation',
];

describe('check', () => {
  it('INVARIANTS lists every invariant once, with its kind, rule ids and one sentence', () => {
    expect(INVARIANTS.map((i) => i.name)).toEqual(ALL);
    for (const info of INVARIANTS) {
      expect(info.description).toMatch(/^[A-Z].*\.$/);
      expect(info.description.split('. ')).toHaveLength(1);
      if (info.kind !== 'harness' && info.kind !== 'advisory') expect(info.rules.length).toBeGreaterThan(0);
      for (const rule of info.rules) expect(rule).toMatch(/^(R\d+|I\d)$/);
    }
    expect(INVARIANTS.filter((i) => i.kind === 'liveness').map((i) => i.name)).toEqual(['progress-after-faults']);
    expect(INVARIANTS.filter((i) => i.kind === 'harness').map((i) => i.name)).toEqual([
      'handler-hang',
      'handler-init',
      'non-error-throw',
      'floating-rejection',
      'unserializable-response',
      'item-identifier',
    ]);
    expect(INVARIANTS.filter((i) => i.kind === 'advisory').map((i) => i.name)).toEqual(['event-mutation']);
  });

  it('exports one checker per invariant', () => {
    const checkers = Object.keys(api).filter((k) => /^check[A-Z]/.test(k));
    expect(checkers).toHaveLength(ALL.length);
  });

  it('judges every correct corpus trace valid, except poison records, which are liveness anomalies only', async () => {
    for (const run of await corpus()) {
      const verdict = check(run.trace, run.model);
      if (run.poison) {
        expect(verdict.kind, run.name).toBe('liveness');
        expect(new Set(names(verdict.anomalies)), run.name).toEqual(new Set(['progress-after-faults']));
      } else expect(verdict, run.name).toEqual({ valid: true, kind: null, anomalies: [] });
    }
  });

  it('the verdict kind is the most severe present: correctness over liveness over harness', async () => {
    const run = await byName('R24');
    expect(check(run.trace, run.model).kind).toBe('liveness');
    const broken = mutate(run.trace, (events) => {
      const i = indexOf(events, 'checkpoint', (e) => e.record === 2);
      events[i] = { ...at(events, i, 'checkpoint'), record: 0, seq: run.trace.records[0]!.seq };
    });
    const verdict = check(broken, run.model);
    expect(verdict.valid).toBe(false);
    expect(verdict.kind).toBe('correctness');
    expect(names(verdict.anomalies)).toEqual(['checkpoint-monotonic', 'progress-after-faults']);
    let calls = 0;
    const hostile = await simulated('throws a string once', { table: TABLE, operations: puts(1) }, async () => {
      if (calls++ === 0) throw 'a string';
    });
    expect(check(hostile.trace, hostile.model)).toMatchObject({ valid: false, kind: 'harness', anomalies: [{ invariant: 'non-error-throw' }] });
  });

  it('an advisory (event rewritten in place) is listed on the verdict but never makes it invalid; disable silences it', async () => {
    const mutating = await simulated('mutating', { table: TABLE, operations: puts(1) }, async (event) => void (event.Records as unknown[]).pop());
    const verdict = check(mutating.trace, mutating.model);
    expect(verdict).toMatchObject({ valid: true, kind: null, anomalies: [], advisories: [{ invariant: 'event-mutation', events: [expect.any(Number), expect.any(Number)] }] });
    expect(verdict.advisories![0]!.summary).toMatch(/^the handler modified its event object in place in one invocation \(first: invocation 0\)/);
    const silenced = check(mutating.trace, mutating.model, { disable: { 'event-mutation': 'we rewrite events on purpose' } });
    expect(silenced).toEqual({ valid: true, kind: null, anomalies: [], disabled: [{ invariant: 'event-mutation', reason: 'we rewrite events on purpose' }] });
  });

  it('disable switches invariants off, with a reason the verdict keeps', async () => {
    const run = await byName('R24');
    const verdict = check(run.trace, run.model, { disable: { 'progress-after-faults': 'the handler under test drops poison records on purpose' } });
    expect(verdict).toEqual({ valid: true, kind: null, anomalies: [], disabled: [{ invariant: 'progress-after-faults', reason: 'the handler under test drops poison records on purpose' }] });
  });

  it('rejects a disable without a reason, or of an unknown invariant', async () => {
    const run = await byName('R24');
    expect(() => check(run.trace, run.model, { disable: { 'no-skip': '' } })).toThrow('check: options.disable.no-skip needs a non-empty reason (got "")');
    expect(() => check(run.trace, run.model, { disable: { 'no-skip': '  ' } })).toThrow('needs a non-empty reason');
    expect(() => check(run.trace, run.model, { disable: { 'no-such': 'x' } as never })).toThrow('check: options.disable names an unknown invariant (got "no-such")');
  });

  it("refuses the retired 'handler-behaviour', naming the checks it was split into", async () => {
    const run = await byName('R24');
    expect(() => check(run.trace, run.model, { disable: { 'handler-behaviour': 'x' } as never })).toThrow(
      'check: options.disable no longer accepts "handler-behaviour": it was split into handler-hang, handler-init, non-error-throw, floating-rejection, unserializable-response, item-identifier and event-mutation; disable only the ones you mean (got "handler-behaviour")',
    );
    expect(RETIRED_INVARIANTS['handler-behaviour']!.every((name) => INVARIANTS.some((i) => i.name === name))).toBe(true);
  });

  it('refuses a model of another scenario, and a trace that names records its header does not list', async () => {
    const a = await byName('R24');
    const b = await byName('R43');
    expect(() => check(a.trace, b.model)).toThrow('check: the model does not describe this trace');
    const dangling = mutate(a.trace, (events) => {
      const i = indexOf(events, 'invoke');
      events[i] = { ...at(events, i, 'invoke'), records: [7] };
    });
    expect(() => check(dangling, a.model)).toThrow(/check: trace event \d+ references record 7, which the header does not list/);
  });

  it('reads the trace without changing it, and gives the same verdict for a stored (JSON) copy', async () => {
    const run = await byName('R43');
    const before = JSON.stringify(run.trace);
    const verdict = check(run.trace, run.model);
    expect(JSON.stringify(run.trace)).toBe(before);
    expect(check(JSON.parse(before), run.model)).toEqual(verdict);
  });
});
