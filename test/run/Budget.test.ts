import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/run/index.js';

describe('Budget', () => {
  it('searches for 60 % of the budget, shrinks until 90 %, and keeps the rest for the report', () => {
    let now = 1000;
    const budget = new Budget(5000, 'test timeout', undefined, () => now);
    expect(budget.searchOver()).toBe(false);
    now += 2999;
    expect(budget.searchOver()).toBe(false);
    now += 1;
    expect(budget.searchOver()).toBe(true);
    expect(budget.shrinkOver()).toBe(false);
    expect(budget.untilShrinkEndMs()).toBe(1500);
    now += 1500;
    expect(budget.shrinkOver()).toBe(true);
    expect(budget.remainingMs()).toBe(500);
  });

  it('an aborted test ends both at once', () => {
    const controller = new AbortController();
    const budget = new Budget(60_000, 'option', controller.signal);
    expect(budget.searchOver()).toBe(false);
    controller.abort();
    expect(budget.aborted).toBe(true);
    expect(budget.searchOver()).toBe(true);
    expect(budget.shrinkOver()).toBe(true);
  });
});
