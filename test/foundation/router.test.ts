import { createTestNewsdesk, adminCaller, memberCaller, testChannel } from '../support/test-newsdesk';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { UserFacingError } from '../../src/errors';
import type { Newsdesk } from '../../src/app/create-newsdesk';

describe('commands through the core', () => {
  let bot: Newsdesk;
  beforeAll(async () => {
    bot = await createTestNewsdesk();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('answers help with every subcommand of the story', async () => {
    const reply = await bot.handleCommand('karpathy', 'help', memberCaller, testChannel);
    const text = renderPlainText(reply);
    expect(text).toMatch(/\/karpathy help/);
    expect(text).toMatch(/\/karpathy sources/);
    expect(reply.visibility).toBe('private');
  });

  it('answers an unknown subcommand with help, not an error', async () => {
    const reply = await bot.handleCommand('karpathy', 'frobnicate now', memberCaller, testChannel);
    expect(reply.isError).toBeFalsy();
    expect(renderPlainText(reply)).toMatch(/There is no "frobnicate" command/);
  });

  it('answers an unknown slash command with the ones it knows', async () => {
    const reply = await bot.handleCommand('nosuch', 'help', memberCaller, testChannel);
    expect(reply.isError).toBe(true);
    expect(renderPlainText(reply)).toMatch(/\/karpathy help/);
  });

  it('answers a page past the last one with how many pages there are', async () => {
    const sources = await bot.handleCommand('karpathy', 'sources 9', memberCaller, testChannel);
    expect(sources.isError).toBe(true);
    expect(renderPlainText(sources)).toBe('There is only 1 page of sources.');
    const quotes = await bot.handleCommand('karpathy', 'quotes 999', memberCaller, testChannel);
    expect(renderPlainText(quotes)).toMatch(/^There (is|are) only \d+ pages? of quotes\.$/);
  });

  it('answers an empty mention with help', async () => {
    const reply = await bot.handleMention('  ', memberCaller, testChannel);
    expect(renderPlainText(reply)).toMatch(/\/karpathy help/);
  });

  it('keeps admin-only subcommands for admins, and hides internal errors', async () => {
    const story = bot.story();
    story.router.register({
      name: 'zz-admin-test',
      usage: '',
      summary: 'test only',
      adminOnly: () => true,
      run: async () => ({ visibility: 'private', blocks: [{ kind: 'text', text: 'done' }] }),
    });
    story.router.register({
      name: 'zz-broken-test',
      usage: '',
      summary: 'test only',
      run: async () => {
        throw new Error('database password is hunter2');
      },
    });
    story.router.register({
      name: 'zz-user-error-test',
      usage: '',
      summary: 'test only',
      run: async () => {
        throw new UserFacingError('That time is not valid: use HH:MM, e.g. 08:30.');
      },
    });
    expect(renderPlainText(await bot.handleCommand('karpathy', 'zz-admin-test', memberCaller, testChannel))).toMatch(/Only admins/);
    expect(renderPlainText(await bot.handleCommand('karpathy', 'zz-admin-test', adminCaller, testChannel))).toBe('done');
    const broken = renderPlainText(await bot.handleCommand('karpathy', 'zz-broken-test', memberCaller, testChannel));
    expect(broken).toMatch(/something went wrong/);
    expect(broken).not.toMatch(/hunter2/);
    expect(renderPlainText(await bot.handleCommand('karpathy', 'zz-user-error-test', memberCaller, testChannel))).toMatch(/use HH:MM/);
  });
});
