import type { Platform } from '../commands/command';

export type SubscriptionStatus = 'active' | 'paused' | 'ended';

/** A channel's daily digest of one story. */
export interface Subscription {
  id: string;
  storyId: string;
  platform: Platform;
  channelId: string;
  workspaceId?: string;
  /** Local delivery time, HH:MM (24-hour). */
  time: string;
  /** IANA time zone of `time`. */
  timezone: string;
  /** `paused` after a permanent delivery error until an admin subscribes again; `ended` after unsubscribe. */
  status: SubscriptionStatus;
  /** Why it is paused, in plain words. */
  pausedReason?: string;
  createdBy?: string;
  /** When the channel (re)subscribed; its first digest after this is a catch-up. */
  subscribedAt: string;
  updatedAt: string;
}

/** Where a subscription goes: one channel on one platform, for one story. */
export interface SubscriptionTarget {
  storyId: string;
  platform: Platform;
  channelId: string;
  workspaceId?: string;
}

/** Stores subscriptions, unique per (story, platform, channel). */
export interface SubscriptionStore {
  /**
   * Subscribes the channel, or changes its time and zone and reactivates it when it already
   * is. A channel that had unsubscribed starts over (`subscribedAt` = now, catch-up again).
   */
  subscribe(
    target: SubscriptionTarget,
    schedule: { time: string; timezone: string; createdBy?: string },
    now: Date,
  ): Promise<{ subscription: Subscription; started: boolean }>;
  /** Ends the channel's subscription; false when it had none. */
  unsubscribe(target: SubscriptionTarget, now: Date): Promise<boolean>;
  /** The channel's subscription in any status, if it ever subscribed. */
  find(target: SubscriptionTarget): Promise<Subscription | undefined>;
  get(id: string): Promise<Subscription | undefined>;
  /** Active and paused subscriptions of a story on one platform and workspace. */
  listForWorkspace(storyId: string, platform: Platform, workspaceId: string | undefined): Promise<Subscription[]>;
  /** Active subscriptions (of one story, or all). */
  listActive(storyId?: string): Promise<Subscription[]>;
  /** Pauses an active subscription with a reason shown by `subscriptions`. */
  pause(id: string, reason: string, now: Date): Promise<void>;
}
