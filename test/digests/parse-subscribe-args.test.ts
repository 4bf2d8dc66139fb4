import { parseSubscribeArgs, parseTimeOfDay } from '../../src/digests/parse-subscribe-args';

const defaults = { time: '08:00', timezone: 'America/Los_Angeles' };

describe('subscribe arguments', () => {
  it('uses the defaults, and takes a time and a zone in either order', () => {
    expect(parseSubscribeArgs([], defaults, 'karpathy')).toEqual(defaults);
    expect(parseSubscribeArgs(['07:15'], defaults, 'karpathy')).toEqual({ time: '07:15', timezone: 'America/Los_Angeles' });
    expect(parseSubscribeArgs(['europe/berlin', '9:30'], defaults, 'karpathy')).toEqual({ time: '09:30', timezone: 'Europe/Berlin' });
    expect(parseSubscribeArgs(['UTC'], defaults, 'karpathy')).toEqual({ time: '08:00', timezone: 'UTC' });
  });

  it('reads 12-hour times', () => {
    expect(parseTimeOfDay('8:30pm')).toBe('20:30');
    expect(parseTimeOfDay('12am')).toBe('00:00');
    expect(parseTimeOfDay('8')).toBeUndefined();
  });

  it('explains a bad time or zone with an example', () => {
    expect(() => parseSubscribeArgs(['25:00'], defaults, 'karpathy')).toThrow(
      '"25:00" is not a time of day I understand. Use 24-hour HH:MM, e.g. /karpathy subscribe 08:30 Europe/Berlin',
    );
    expect(() => parseSubscribeArgs(['Mars/Olympus'], defaults, 'karpathy')).toThrow(/"Mars\/Olympus" is not a time zone I know\. Use an IANA name/);
    expect(() => parseSubscribeArgs(['08:00', 'UTC', 'daily'], defaults, 'karpathy')).toThrow(/Too many words/);
  });
});
