import { decideDigest, nextDueAt } from '../../src/digests/due-digest';
import { zonedInstant, localDate } from '../../src/digests/local-time';

const berlin = { time: '08:00', timezone: 'Europe/Berlin', subscribedAt: '2026-03-01T00:00:00Z' };

describe('when a digest is due', () => {
  it('is not due a minute before the local time, and due at it', () => {
    expect(decideDigest(berlin, new Date('2026-05-21T05:59:00Z'), '2026-05-20', 6)).toEqual({ kind: 'none' });
    expect(decideDigest(berlin, new Date('2026-05-21T06:00:00Z'), '2026-05-20', 6)).toEqual({
      kind: 'send',
      period: '2026-05-21',
      dueAt: new Date('2026-05-21T06:00:00Z'),
    });
  });

  it('is owed once per local date: a handled period is never due again', () => {
    expect(decideDigest(berlin, new Date('2026-05-21T06:00:00Z'), '2026-05-21', 6)).toEqual({ kind: 'none' });
    expect(decideDigest(berlin, new Date('2026-05-21T21:00:00Z'), '2026-05-21', 6)).toEqual({ kind: 'none' });
  });

  it('follows daylight saving time: 08:00 Berlin is 07:00 UTC in winter and 06:00 UTC in summer', () => {
    expect(zonedInstant('2026-03-28', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(zonedInstant('2026-03-29', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(zonedInstant('2026-11-01', '08:00', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T16:00:00.000Z');
    // 02:30 does not exist in Berlin on 2026-03-29; it still falls on that date.
    expect(localDate(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-29');
  });

  it('keys the period by the local date in the subscription zone, not the UTC date', () => {
    const la = { time: '20:00', timezone: 'America/Los_Angeles', subscribedAt: '2026-05-01T00:00:00Z' };
    // 03:30 UTC on the 21st is 20:30 on the 20th in Los Angeles.
    expect(decideDigest(la, new Date('2026-05-21T03:30:00Z'), undefined, 6)).toMatchObject({ kind: 'send', period: '2026-05-20' });
  });

  it('sends a missed digest within the grace window and skips it after', () => {
    expect(decideDigest(berlin, new Date('2026-05-21T11:59:00Z'), '2026-05-20', 6)).toMatchObject({ kind: 'send', period: '2026-05-21' });
    expect(decideDigest(berlin, new Date('2026-05-21T12:30:00Z'), '2026-05-20', 6)).toMatchObject({ kind: 'skip', period: '2026-05-21' });
    // With no grace, a tick a minute late still counts as on time.
    expect(decideDigest(berlin, new Date('2026-05-21T06:01:00Z'), '2026-05-20', 0)).toMatchObject({ kind: 'send' });
  });

  it('owes nothing for a time that passed before the channel subscribed', () => {
    const late = { ...berlin, subscribedAt: '2026-05-21T09:00:00Z' };
    expect(decideDigest(late, new Date('2026-05-21T09:01:00Z'), undefined, 6)).toEqual({ kind: 'none' });
    expect(decideDigest(late, new Date('2026-05-22T06:00:00Z'), undefined, 6)).toMatchObject({ kind: 'send', period: '2026-05-22' });
    expect(nextDueAt(late, new Date(late.subscribedAt)).toISOString()).toBe('2026-05-22T06:00:00.000Z');
  });

  it('owes only the latest period after days of downtime', () => {
    expect(decideDigest(berlin, new Date('2026-05-25T07:00:00Z'), '2026-05-20', 6)).toMatchObject({ kind: 'send', period: '2026-05-25' });
  });
});
