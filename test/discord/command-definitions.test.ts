import path from 'node:path';
import { ApplicationCommandOptionType as T, PermissionFlagsBits } from 'discord.js';
import { buildStoryCommands, adminCommandName } from '../../adapters/discord/command-definitions';
import { interactionToCommand, type InteractionOption } from '../../adapters/discord/interaction-to-command';
import { loadStoryFolders } from '../../src/story/load-stories';
import { FakeDiscord } from '../support/fake-discord';
import { repoRoot } from '../support/paths';
import fs from 'node:fs';
import { runCli } from '../../adapters/cli/main';
import { BOT_PERMISSIONS, inviteUrl } from '../../adapters/discord/invite-url';
import { createTestNewsdesk } from '../support/test-newsdesk';
import type { CommandHandler, CommandRequest } from '../../src/commands/command';

const stories = loadStoryFolders(path.join(repoRoot, 'digests')).map((f) => f.definition);
const karpathy = stories.find((s) => s.command === 'karpathy')!;

function sub(name: string, options: InteractionOption[] = []): InteractionOption {
  return { name, type: T.Subcommand, options };
}

describe('the Discord command definitions', () => {
  const [reader, admin] = buildStoryCommands(karpathy);

  it('the reader command has every everyday subcommand and a feeds list group, open to everyone', () => {
    expect(reader!.name).toBe('karpathy');
    expect(reader!.default_member_permissions).toBeUndefined();
    const names = reader!.options!.map((o) => o.name);
    expect(names).toEqual(['timeline', 'latest', 'digest', 'ask', 'who', 'quotes', 'claims', 'sources', 'subscriptions', 'help', 'feeds']);
    const feeds = reader!.options!.find((o) => o.name === 'feeds') as { type: number; options: Array<{ name: string }> };
    expect(feeds.type).toBe(T.SubcommandGroup);
    expect(feeds.options.map((o) => o.name)).toEqual(['list']);
    const ask = reader!.options!.find((o) => o.name === 'ask') as { options: Array<{ name: string; required?: boolean; type: number }> };
    expect(ask.options).toEqual([expect.objectContaining({ name: 'question', required: true, type: T.String })]);
  });

  it('the changing subcommands live in /karpathy-admin, for Manage Server by default and only in servers', () => {
    expect(admin!.name).toBe(adminCommandName('karpathy'));
    expect(admin!.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(admin!.contexts).toEqual([0]);
    expect(admin!.options!.map((o) => o.name)).toEqual(['subscribe', 'unsubscribe', 'feeds']);
    const feeds = admin!.options!.find((o) => o.name === 'feeds') as { options: Array<{ name: string }> };
    expect(feeds.options.map((o) => o.name)).toEqual(['add', 'remove', 'resume']);
  });

  it('a story command too long for the -admin suffix is refused with what to change', () => {
    expect(() => buildStoryCommands({ ...karpathy, command: 'a'.repeat(30) })).toThrow(/at most 32 characters; shorten "command" in story.json/);
  });
});

describe('the invite link', () => {
  it('asks for bot and applications.commands with View Channels, Send Messages, Embed Links, Read Message History and Send Messages in Threads', () => {
    expect(BOT_PERMISSIONS.toArray().sort()).toEqual(['EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel']);
    const url = new URL(inviteUrl('42'));
    expect(url.searchParams.get('client_id')).toBe('42');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('274877991936');
  });

  it('the README gives the same permissions integer', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`permissions=${BOT_PERMISSIONS.bitfield}`);
  });
});

describe('the Discord commands cover the core', () => {
  type Option = { name: string; type: number; required?: boolean; options?: Option[]; choices?: Array<{ value: unknown }> };
  let handlers: readonly CommandHandler[];
  let close: () => Promise<void>;
  beforeAll(async () => {
    const newsdesk = await createTestNewsdesk();
    handlers = newsdesk.story('karpathy').router.list();
    close = () => newsdesk.close();
  });
  afterAll(async () => {
    await close();
  });

  const [reader, admin] = buildStoryCommands(karpathy) as unknown as Array<{ name: string; options: Option[] }>;
  const hostOf = (name: string) => [reader!, admin!].find((c) => c.options.some((o) => o.name === name));
  const request = (sub: string, args: string[]): CommandRequest => ({
    sub, args, text: args.join(' '), caller: { id: 'u', isAdmin: false }, conversation: { platform: 'discord', channelId: 'c' },
  });

  it('every subcommand the router accepts has a Discord definition, admin ones under /karpathy-admin', () => {
    expect(handlers.length).toBeGreaterThan(10);
    for (const handler of handlers) {
      const host = hostOf(handler.name);
      expect({ sub: handler.name, defined: Boolean(host) }).toEqual({ sub: handler.name, defined: true });
      const option = host!.options.find((o) => o.name === handler.name)!;
      if (option.type === T.SubcommandGroup) {
        // feeds: each action is a subcommand of the group, in the command its admin rule asks for.
        const actions = /^\[(.+)\]$/.exec(handler.usage)![1]!.split('|').map((a) => a.trim().split(' ')[0]!);
        for (const action of actions) {
          const forAdmins = handler.adminOnly?.(request(handler.name, [action])) ?? false;
          const group = (forAdmins ? admin! : reader!).options.find((o) => o.name === handler.name);
          expect({ path: `${handler.name} ${action}`, defined: group?.options?.some((o) => o.name === action) ?? false }).toEqual({ path: `${handler.name} ${action}`, defined: true });
        }
      } else {
        const forAdmins = handler.adminOnly?.(request(handler.name, [])) ?? false;
        expect({ sub: handler.name, command: host!.name }).toEqual({ sub: handler.name, command: forAdmins ? admin!.name : reader!.name });
        const options = option.options ?? [];
        if (handler.usage.includes('[page]')) expect({ sub: handler.name, page: options.some((o) => o.name === 'page') }).toEqual({ sub: handler.name, page: true });
        const required = handler.usage.replace(/\[[^\]]*\]/g, '').match(/<[^>]+>/g) ?? [];
        expect({ sub: handler.name, required: options.filter((o) => o.required).length }).toEqual({ sub: handler.name, required: required.length });
        // A single optional word is an option (latest [n]) or, as in digest [history], a choice.
        const word = /^\[([a-z]+)\]$/.exec(handler.usage)?.[1];
        if (word) expect({ sub: handler.name, word, offered: options.some((o) => o.name === word || o.choices?.some((c) => c.value === word)) }).toEqual({ sub: handler.name, word, offered: true });
      }
    }
  });

  it('every Discord subcommand reaches a subcommand the router knows', () => {
    for (const command of [reader!, admin!]) {
      for (const option of command.options) {
        const paths = option.type === T.SubcommandGroup ? option.options!.map((o) => [sub(o.name)]).map((o) => [{ name: option.name, type: T.SubcommandGroup, options: o }]) : [[sub(option.name)]];
        for (const path of paths) {
          const core = interactionToCommand(command.name, path, stories)!;
          expect({ path: core.path, known: handlers.some((h) => h.name === core.text.split(' ')[0]) }).toEqual({ path: core.path, known: true });
        }
      }
    }
  });
});

describe('interactionToCommand', () => {
  it('turns subcommands, groups and options into the text the core parses', () => {
    expect(interactionToCommand('karpathy', [sub('timeline', [{ name: 'range', type: T.String, value: '2017-2022' }])], stories))
      .toEqual({ command: 'karpathy', text: 'timeline 2017-2022', path: 'timeline' });
    expect(interactionToCommand('karpathy', [sub('ask', [{ name: 'question', type: T.String, value: '  who leads pre-training? ' }])], stories)!.text)
      .toBe('ask who leads pre-training?');
    expect(interactionToCommand('karpathy', [sub('help')], stories)!.text).toBe('help');
    expect(interactionToCommand('karpathy-admin', [{ name: 'feeds', type: T.SubcommandGroup, options: [sub('add', [{ name: 'url', type: T.String, value: 'https://example.com/feed.xml' }])] }], stories))
      .toEqual({ command: 'karpathy', text: 'feeds add https://example.com/feed.xml', path: 'feeds add' });
  });

  it('orders option values as the definition does, whatever order Discord sent them in', () => {
    const options = [{ name: 'timezone', type: T.String, value: 'Europe/Berlin' }, { name: 'time', type: T.String, value: '08:30' }];
    expect(interactionToCommand('karpathy-admin', [sub('subscribe', options)], stories)!.text).toBe('subscribe 08:30 Europe/Berlin');
    const timeline = [{ name: 'page', type: T.Integer, value: 2 }, { name: 'range', type: T.String, value: '2024' }];
    expect(interactionToCommand('karpathy', [sub('timeline', timeline)], stories)!.text).toBe('timeline 2024 2');
  });

  it('skips empty values and answers undefined for a command no story owns', () => {
    expect(interactionToCommand('karpathy', [sub('quotes', [{ name: 'name', type: T.String, value: '   ' }])], stories)!.text).toBe('quotes');
    expect(interactionToCommand('someone-else', [sub('help')], stories)).toBeUndefined();
  });
});

describe('npm run cli -- register-commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await new FakeDiscord().start();
  });
  afterAll(async () => {
    await fake.close();
  });

  const env = () => ({
    STORIES_DIR: path.join(repoRoot, 'digests'),
    DATABASE_PATH: ':memory:',
    DISCORD_TOKEN: 'cli-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
  });

  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), tty: false } };
  }

  it('registers every story command globally', async () => {
    const { out, io: cliIo } = io();
    expect(await runCli(['register-commands'], cliIo, env())).toBe(0);
    const put = fake.find('PUT', new RegExp(`^/applications/${fake.applicationId}/commands$`));
    expect(put).toHaveLength(1);
    expect((put[0]!.body as Array<{ name: string }>).map((c) => c.name)).toEqual(stories.flatMap((s) => [s.command, `${s.command}-admin`]));
    expect(out.join('\n')).toMatch(/Registered \d+ commands globally: \/karpathy, \/karpathy-admin/);
    expect(out.join('\n')).toContain(inviteUrl(fake.applicationId));
  });

  it('registers in one server with --guild, with --json output', async () => {
    const { out, io: cliIo } = io();
    expect(await runCli(['register-commands', '--guild', '123456789012345678', '--json'], cliIo, env())).toBe(0);
    expect(fake.find('PUT', new RegExp(`^/applications/${fake.applicationId}/guilds/123456789012345678/commands$`))).toHaveLength(1);
    const json = JSON.parse(out.join('\n')) as { scope: { guild: string }; commands: Array<{ id: string; name: string }> };
    expect(json.scope).toEqual({ guild: '123456789012345678' });
    expect(json.commands.every((c) => /^\d+$/.test(c.id))).toBe(true);
  });

  it('says what is missing without Discord settings, and reports a refusal from Discord', async () => {
    const missing = io();
    expect(await runCli(['register-commands'], missing.io, { STORIES_DIR: path.join(repoRoot, 'digests'), DATABASE_PATH: ':memory:' })).toBe(2);
    expect(missing.err.join('\n')).toMatch(/needs DISCORD_TOKEN and DISCORD_APPLICATION_ID/);

    fake.failNext('PUT', /commands$/, 401, { message: '401: Unauthorized', code: 0 });
    const refused = io();
    expect(await runCli(['register-commands'], refused.io, env())).toBe(1);
    expect(refused.err.join('\n')).toMatch(/Discord did not accept the commands: 401/);
  });
});
