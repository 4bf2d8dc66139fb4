import type { Caller, Conversation } from '../../src/commands/command';

/** The CLI runs as the local operator. */
export const cliCaller: Caller = { id: 'cli', name: 'operator', isAdmin: true };
export const cliConversation: Conversation = { platform: 'cli', channelId: 'cli' };
