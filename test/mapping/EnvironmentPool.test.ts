import { describe, expect, it } from 'vitest';
import { Choices } from '../../src/mapping/Choices.js';
import { EnvironmentPool } from '../../src/mapping/EnvironmentPool.js';

const none = () => new Choices([]);

describe('EnvironmentPool', () => {
  it('cold-starts new environments with increasing ids while none is idle', () => {
    const pool = new EnvironmentPool();
    const a = pool.acquire(none());
    const b = pool.acquire(none());
    expect(a).toMatchObject({ cold: true, env: { id: 0, busy: true, alive: true, handler: undefined } });
    expect(b).toMatchObject({ cold: true, env: { id: 1, busy: true, alive: true } });
  });

  it('reuses a released environment warm, keeping its handler', () => {
    const pool = new EnvironmentPool();
    const { env } = pool.acquire(none());
    const handler = async () => undefined;
    env.handler = handler;
    pool.release(env);
    expect(env.busy).toBe(false);
    const again = pool.acquire(none());
    expect(again.cold).toBe(false);
    expect(again.env).toBe(env);
    expect(again.env.busy).toBe(true);
    expect(again.env.handler).toBe(handler);
  });

  it('with the choices exhausted, takes the oldest idle environment', () => {
    const pool = new EnvironmentPool();
    const e0 = pool.acquire(none()).env;
    const e1 = pool.acquire(none()).env;
    pool.release(e1);
    pool.release(e0);
    expect(pool.acquire(none()).env.id).toBe(1);
    expect(pool.acquire(none()).env.id).toBe(0);
    expect(pool.acquire(none())).toMatchObject({ cold: true, env: { id: 2 } });
  });

  it('the choice ranges over the idle environments plus a cold start', () => {
    const setup = () => {
      const pool = new EnvironmentPool();
      const envs = [pool.acquire(none()).env, pool.acquire(none()).env];
      for (const env of envs) pool.release(env);
      return pool;
    };
    expect(setup().acquire(new Choices([1]))).toMatchObject({ cold: false, env: { id: 1 } });
    // Option 2 of 3 is "a new environment", even though warm ones are idle.
    expect(setup().acquire(new Choices([2]))).toMatchObject({ cold: true, env: { id: 2 } });
    expect(setup().acquire(new Choices([5]))).toMatchObject({ cold: true, env: { id: 2 } });
  });

  it('no choice is consumed when nothing is idle', () => {
    const pool = new EnvironmentPool();
    const choices = new Choices([1]);
    pool.acquire(choices);
    // The 1 is still available to the next real decision.
    expect(choices.pick(2)).toBe(1);
  });

  it('a recycled environment never comes back', () => {
    const pool = new EnvironmentPool();
    const { env } = pool.acquire(none());
    pool.recycle(env);
    pool.release(env);
    expect(env).toMatchObject({ alive: false, busy: false });
    expect(pool.acquire(none())).toMatchObject({ cold: true, env: { id: 1 } });
  });

  it('reclaimIdle kills idle environments only', () => {
    const pool = new EnvironmentPool();
    const e0 = pool.acquire(none()).env;
    const e1 = pool.acquire(none()).env;
    const e2 = pool.acquire(none()).env;
    pool.release(e0);
    pool.release(e2);
    expect(pool.reclaimIdle().map((e) => e.id)).toEqual([0, 2]);
    expect([e0.alive, e1.alive, e2.alive]).toEqual([false, true, false]);
    expect(pool.reclaimIdle()).toEqual([]);
    pool.release(e1);
    expect(pool.acquire(none())).toMatchObject({ cold: false, env: { id: 1 } });
    expect(pool.acquire(none())).toMatchObject({ cold: true, env: { id: 3 } });
  });
});
