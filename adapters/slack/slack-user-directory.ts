import type { webApi } from '@slack/bolt';
import type { Caller } from '../../src/commands/command';
import type { Clock } from '../../src/clock';
import type { Logger } from '../../src/logging/logger';

interface Entry {
  caller: Promise<Caller>;
  until: number;
}

export interface SlackUserDirectoryOptions {
  client: webApi.WebClient;
  /** User ids that are admins for newsdesk whatever their Slack role (SLACK_ADMIN_USER_IDS). */
  adminUserIds: readonly string[];
  clock: Clock;
  logger: Logger;
  /** How long a looked-up role is trusted; a demoted admin loses rights after this. */
  ttlMs?: number;
}

const DEFAULT_TTL_MS = 5 * 60_000;
/** A failed lookup is retried sooner than a successful one is refreshed. */
const FAILURE_TTL_MS = 30_000;
const MAX_ENTRIES = 5000;

/**
 * Who is calling, as newsdesk needs it: a display name and whether they are an admin
 * (workspace admin, owner or primary owner per `users.info`, or on the allow-list).
 * Answers are cached briefly so a busy channel does not call `users.info` per message.
 */
export class SlackUserDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly allowList: Set<string>;
  private readonly ttlMs: number;

  constructor(private readonly options: SlackUserDirectoryOptions) {
    this.allowList = new Set(options.adminUserIds);
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  }

  /** The caller for user `userId`; never rejects (a failed lookup means "not an admin"). */
  caller(userId: string, fallbackName?: string): Promise<Caller> {
    const now = this.options.clock.now().getTime();
    const cached = this.entries.get(userId);
    if (cached && cached.until > now) return cached.caller;
    const entry: Entry = { caller: this.lookup(userId, fallbackName, now), until: now + this.ttlMs };
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry.caller;
  }

  private async lookup(userId: string, fallbackName: string | undefined, now: number): Promise<Caller> {
    const listed = this.allowList.has(userId);
    try {
      const { user } = await this.options.client.users.info({ user: userId });
      const role = Boolean(user && !user.deleted && !user.is_restricted && (user.is_admin || user.is_owner || user.is_primary_owner));
      const name = user?.profile?.display_name || user?.real_name || user?.name || fallbackName;
      return { id: userId, ...(name ? { name } : {}), isAdmin: listed || role };
    } catch (error) {
      this.options.logger.warn({ err: error, user: userId }, 'users.info failed; treating the caller as a non-admin unless allow-listed');
      const entry = this.entries.get(userId);
      if (entry) entry.until = now + FAILURE_TTL_MS;
      return { id: userId, ...(fallbackName ? { name: fallbackName } : {}), isAdmin: listed };
    }
  }
}
