import { Shutdown } from '../../src/ops/shutdown';
import { createSilentLogger } from '../../src/logging/logger';

function recorder() {
  const codes: number[] = [];
  return { codes, exit: (code: number) => void codes.push(code) };
}

describe('graceful stop', () => {
  it('runs intake, then work, then close steps, whatever order they were added in, and exits 0', async () => {
    const { codes, exit } = recorder();
    const order: string[] = [];
    const shutdown = new Shutdown({ logger: createSilentLogger(), exit })
      .add('close', 'chat client', () => void order.push('chat client'))
      .add('work', 'core', async () => {
        await new Promise((r) => setTimeout(r, 5));
        order.push('core');
      })
      .add('intake', 'readiness', () => void order.push('readiness'))
      .add('intake', 'receiver', () => void order.push('receiver'));
    await shutdown.run('SIGTERM');
    expect(order).toEqual(['readiness', 'receiver', 'core', 'chat client']);
    expect(codes).toEqual([0]);
  });

  it('a failing step is logged, the rest still run, and the exit code says so', async () => {
    const { codes, exit } = recorder();
    const order: string[] = [];
    const shutdown = new Shutdown({ logger: createSilentLogger(), exit })
      .add('work', 'core', () => {
        throw new Error('boom');
      })
      .add('close', 'health', () => void order.push('health'));
    await shutdown.run('SIGTERM');
    expect(order).toEqual(['health']);
    expect(codes).toEqual([1]);
  });

  it('exits at the deadline when a step never finishes', async () => {
    const { codes, exit } = recorder();
    const shutdown = new Shutdown({ logger: createSilentLogger(), exit, deadlineMs: 30 }).add(
      'work',
      'stuck delivery',
      () => new Promise<void>(() => undefined),
    );
    await shutdown.run('SIGTERM');
    expect(codes).toEqual([1]);
  });

  it('a second request to stop joins the first; each step runs once', async () => {
    const { codes, exit } = recorder();
    let runs = 0;
    const shutdown = new Shutdown({ logger: createSilentLogger(), exit }).add('work', 'core', () => void (runs += 1));
    expect(shutdown.stopping).toBe(false);
    const first = shutdown.run('SIGTERM');
    const second = shutdown.run('SIGINT');
    expect(shutdown.stopping).toBe(true);
    await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect(codes).toEqual([0]);
  });
});
