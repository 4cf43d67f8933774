/**
 * Login throttling on failures only, shared by every API replica through Redis
 * (rate-limiter-flexible): per account, N failures within the window lock it for a while; per
 * address, a much larger budget stops spraying without locking out an office behind one router.
 * A success clears the account's count and gives the address its attempt back.
 *
 * The account key is the email as typed (normalised, hashed), whether or not such an account
 * exists: an unknown address locks the same way, so the lockout tells nobody which accounts exist.
 * Each attempt takes its point before the password is checked, so parallel guesses cannot slip
 * past the limit. If Redis is unavailable, an in-process limiter with the same rules stands in.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginThrottleSettings {
  /** Failures per account within the window that lock it. */
  maxFailuresPerAccount: number;
  /** Failures per client address within the window before it must wait. */
  maxFailuresPerAddress: number;
  /** Both the counting window and how long a lock lasts. */
  lockoutSeconds: number;
  keyPrefix: string;
}

/** Why an attempt was refused, and when to try again. */
export interface Refusal {
  code: 'login_locked' | 'rate_limited';
  retryAfterSeconds: number;
}

export interface LoginThrottle {
  /** Takes one attempt; a refusal when the account (`login_locked`) or address is over its limit. */
  attempt(email: string, address: string): Promise<Refusal | null>;
  failed(email: string, address: string): Promise<void>;
  succeeded(email: string, address: string): Promise<void>;
  /** Lifts an account's lock and forgets its failures (CLI `staff:unlock`). */
  unlock(email: string): Promise<void>;
}

/** The account key: nobody reading Redis learns staff email addresses from it. */
export const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export const loginThrottleSettings = (c: Config): LoginThrottleSettings => ({
  maxFailuresPerAccount: c.LOGIN_MAX_FAILURES,
  maxFailuresPerAddress: c.LOGIN_MAX_FAILURES_PER_ADDRESS,
  lockoutSeconds: Math.round(c.LOGIN_LOCKOUT_MINUTES * 60),
  keyPrefix: c.QUEUE_PREFIX,
});

function limiter(redis: Redis, keyPrefix: string, points: number, seconds: number) {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: seconds,
    // Not connected: the in-process limiter answers at once instead of the login waiting for Redis.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: seconds }),
  });
}

export function createLoginThrottle(redis: Redis, s: LoginThrottleSettings): LoginThrottle {
  const byAccount = limiter(redis, `${s.keyPrefix}:login-fail:account`, s.maxFailuresPerAccount, s.lockoutSeconds);
  const byAddress = limiter(redis, `${s.keyPrefix}:login-fail:address`, s.maxFailuresPerAddress, s.lockoutSeconds);
  const retryAfter = (r: unknown) => (r instanceof RateLimiterRes ? Math.ceil(r.msBeforeNext / 1000) : s.lockoutSeconds);

  return {
    async attempt(email, address) {
      const account = accountKey(email);
      try {
        await byAccount.consume(account);
      } catch (r) {
        if (r instanceof Error) throw r;
        return { code: 'login_locked', retryAfterSeconds: retryAfter(r) };
      }
      try {
        await byAddress.consume(address);
      } catch (r) {
        // Refused for the address, not the account: the account keeps its point.
        await byAccount.reward(account, 1).catch(() => {});
        if (r instanceof Error) throw r;
        return { code: 'rate_limited', retryAfterSeconds: retryAfter(r) };
      }
      return null;
    },
    async failed(email, address) {
      // The failure that reaches the limit starts a full lock period from now.
      const account = accountKey(email);
      const a = await byAccount.get(account);
      if (a && a.consumedPoints >= s.maxFailuresPerAccount) await byAccount.block(account, s.lockoutSeconds);
      const b = await byAddress.get(address);
      if (b && b.consumedPoints >= s.maxFailuresPerAddress) await byAddress.block(address, s.lockoutSeconds);
    },
    async succeeded(email, address) {
      await Promise.all([byAccount.delete(accountKey(email)), byAddress.reward(address, 1)]);
    },
    async unlock(email) {
      await byAccount.delete(accountKey(email));
    },
  };
}
