/**
 * The LINE user's language, from their profile, so the bot answers in it. Only the language is
 * read and kept: no display name or picture is ever stored (people may be reporting anonymously).
 * @see https://developers.line.biz/en/reference/messaging-api/#get-profile
 */
import { messagingApi } from '@line/bot-sdk';

export type ProfileLang = 'ja' | 'en';

export function createLineProfileReader(opts: { channelAccessToken: string; apiBaseUrl: string; timeoutMs?: number }) {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: opts.channelAccessToken, baseURL: opts.apiBaseUrl });
  return async function profileLanguage(userId: string): Promise<ProfileLang | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const profile = await Promise.race([
        client.getProfile(userId),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), opts.timeoutMs ?? 3000);
        }),
      ]);
      if (!profile.language) return null;
      return profile.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    } catch {
      return null; // Not worth failing over: the bot answers in Japanese.
    } finally {
      clearTimeout(timer);
    }
  };
}
