import type { Reply } from '../reply/reply';
import type { Platform } from '../commands/command';

/** `catch-up`: the story so far (first after subscribing); `daily`: what is new; `note`: nothing new; `notice`: a one-off message (a feed paused). */
export type OutboxKind = 'catch-up' | 'daily' | 'note' | 'notice';

/** `empty`: nothing new and nothing sent; `skipped`: the due time was missed by more than the grace window. */
export type OutboxStatus = 'pending' | 'delivered' | 'failed' | 'skipped' | 'empty';

/** One digest or notice for one subscription; stored before it is sent. */
export interface OutboxEntry {
  id: string;
  subscriptionId: string;
  /** Local date (YYYY-MM-DD) of a scheduled digest, or `notice:<key>`. */
  period: string;
  kind: OutboxKind;
  status: OutboxStatus;
  dueAt: string;
  createdAt: string;
  /** End of the window this digest covers; the next one starts here. */
  coversUntil?: string;
  /** What is sent; absent for skipped and empty periods. */
  reply?: Reply;
  developmentIds: string[];
  attempts: number;
  nextAttemptAt: string;
  /** The last delivery error, or why a period was skipped. */
  lastError?: string;
  deliveredAt?: string;
}

/** A pending entry with where it goes. */
export interface DueEntry extends OutboxEntry {
  platform: Platform;
  channelId: string;
  storyId: string;
}

/** Where a subscription's coverage stands, for composing its next digest. */
export interface Coverage {
  /** True once a digest was delivered since the subscription (re)started: no catch-up owed. */
  caughtUp: boolean;
  /** End of the last delivered (or empty) digest's window since it (re)started. */
  since?: Date;
}

/**
 * The digest outbox and history. Entries are unique per (subscription, period), so each
 * period is composed once; delivery is claimed with an expiring lease so only one replica
 * sends a given entry at a time.
 */
export interface DigestOutbox {
  /** The latest scheduled period already handled (sent, pending, skipped or empty); notices excluded. */
  lastPeriod(subscriptionId: string): Promise<string | undefined>;
  coverage(subscriptionId: string, subscribedAt: string): Promise<Coverage>;
  /** Ids of developments already delivered to the subscription. */
  deliveredDevelopmentIds(subscriptionId: string): Promise<Set<string>>;
  /** Stores a new entry; false (and nothing written) when its period already has one. */
  add(entry: OutboxEntry): Promise<boolean>;
  /** Pending entries of active subscriptions whose next attempt is due and whose lease is free. */
  due(now: Date, limit: number): Promise<DueEntry[]>;
  /** Takes the entry for `owner` until `now + leaseMs`; false when someone else holds it or it is done. */
  claim(id: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Marks the owner's entry delivered and records its developments; false when the lease was lost. */
  markDelivered(id: string, owner: string, now: Date): Promise<boolean>;
  /** Releases the owner's claim with the next attempt time after a retryable error. */
  retryLater(id: string, owner: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  /** Gives up on the owner's entry. */
  fail(id: string, owner: string, attempts: number, error: string): Promise<void>;
  /** The subscription's latest digests (notices excluded), newest first. */
  history(subscriptionId: string, limit: number): Promise<OutboxEntry[]>;
}
