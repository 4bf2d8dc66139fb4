import path from 'node:path';
import { loadStoryFolder } from '../../src/story/load-stories';
import { discordCommandRenamer } from '../../adapters/discord/discord-command-names';
import type { Reply } from '../../src/reply/reply';
import { repoRoot } from '../support/paths';

const story = loadStoryFolder(path.join(repoRoot, 'digests', 'karpathy')).definition;
const rename = discordCommandRenamer([story]);

describe('command names on Discord', () => {
  it('moves every admin subcommand the core mentions to /<story>-admin, everywhere in a reply', () => {
    const reply: Reply = {
      title: 'Digest',
      visibility: 'channel',
      blocks: [
        { kind: 'text', text: 'Start one with /karpathy subscribe, stop with /karpathy unsubscribe.' },
        { kind: 'list', items: [{ headline: 'Paused: /karpathy feeds resume 1a2b', text: 'or /karpathy feeds remove 1a2b' }], more: { count: 1, hint: 'Add one: /karpathy feeds add <url>' } },
      ],
      footer: 'See /karpathy subscriptions and /karpathy feeds list.',
    };
    expect(rename(reply)).toEqual({
      ...reply,
      blocks: [
        { kind: 'text', text: 'Start one with /karpathy-admin subscribe, stop with /karpathy-admin unsubscribe.' },
        { kind: 'list', items: [{ headline: 'Paused: /karpathy-admin feeds resume 1a2b', text: 'or /karpathy-admin feeds remove 1a2b' }], more: { count: 1, hint: 'Add one: /karpathy-admin feeds add <url>' } },
      ],
      footer: 'See /karpathy subscriptions and /karpathy feeds list.',
    });
  });

  it('leaves reader subcommands, longer words, other commands and already renamed mentions alone', () => {
    const text = '/karpathy subscriptions, /karpathy timeline, /karpathy-admin subscribe, /other subscribe, https://example.com/karpathy subscribe';
    const renamed = rename({ visibility: 'private', blocks: [{ kind: 'text', text }] });
    expect(renamed.blocks[0]).toEqual({ kind: 'text', text });
  });
});
