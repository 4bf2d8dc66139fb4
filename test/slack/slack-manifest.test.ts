import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/paths';
import { loadStoryFolders } from '../../src/story/load-stories';
import { createTestNewsdesk } from '../support/test-newsdesk';

/** The manifest creates a working app in one step: every story's command, the scopes and events the adapter uses. */
const manifest = fs.readFileSync(path.join(repoRoot, 'adapters', 'slack', 'manifest.yml'), 'utf8');

test('every story has its slash command in the Slack manifest', () => {
  for (const story of loadStoryFolders(path.join(repoRoot, 'digests'))) {
    expect(manifest).toMatch(new RegExp(`^\\s+- command: /${story.definition.command}$`, 'm'));
  }
});

test('the manifest asks for the scopes and events the adapter relies on', () => {
  for (const scope of ['commands', 'app_mentions:read', 'chat:write', 'chat:write.public', 'im:history', 'im:read', 'im:write', 'users:read']) {
    expect(manifest).toMatch(new RegExp(`^\\s+- ${scope}$`, 'm'));
  }
  for (const event of ['app_mention', 'message.im']) expect(manifest).toMatch(new RegExp(`^\\s+- ${event}$`, 'm'));
  expect(manifest).toMatch(/request_url: https:\/\/.+\/slack\/events$/m);
});

test('the usage hint Slack shows while typing names every subcommand the router accepts, and no other', async () => {
  const hint = /^\s+usage_hint: "(.*)"$/m.exec(manifest)?.[1] ?? '';
  const hinted = hint.split('|').map((part) => part.replace(/\[public\]|<[^>]*>/g, '').trim()).filter(Boolean);
  const newsdesk = await createTestNewsdesk();
  try {
    const subcommands = newsdesk.story('karpathy').router.list().map((h) => h.name);
    expect([...hinted].sort()).toEqual([...subcommands].sort());
  } finally {
    await newsdesk.close();
  }
});
