import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('#Semaphore', () => {
  it('runs at most `limit` tasks at once and every task to the end, in order', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const slowTask = (index: number) => async () => {
      started.push(index);
      running += 1;
      most = Math.max(most, running);
      await sleep(15);
      running -= 1;
      return index * 10;
    };
    const results = Promise.all(
      Array.from({ length: 7 }, (_, index) => semaphore.run(slowTask(index))),
    );
    await sleep(1);
    expect(semaphore.active).toBe(2);
    expect(semaphore.waiting).toBe(5);
    expect(await results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([semaphore.active, semaphore.waiting]).toEqual([0, 0]);
  });

  it('frees the slot of a task that fails', async () => {
    const semaphore = new Semaphore(1);
    const failing = semaphore.run(async () => {
      await sleep(5);
      throw new Error('broken picture');
    });
    const next = semaphore.run(async () => 'decoded');
    await expect(failing).rejects.toThrow('broken picture');
    await expect(next).resolves.toBe('decoded');
    expect(semaphore.active).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
