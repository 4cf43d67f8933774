/**
 * The inbox's case state: which case is open, incoming referrals waiting for an answer, and
 * overdue follow-ups (reminders). Live events (`referral:updated`, `followup:due`) land here.
 */
import { useCallback, useState } from 'preact/hooks';
import { casesApi, type FollowUpView, type ReferralView } from './api.js';

export function useCases() {
  const [openId, setOpenId] = useState<string | null>(null);
  const [incoming, setIncoming] = useState<ReferralView[]>([]);
  const [outgoing, setOutgoing] = useState<ReferralView[]>([]);
  const [reminders, setReminders] = useState<FollowUpView[]>([]);
  /** Bumped by every live change, so an open case page reloads what it shows. */
  const [epoch, setEpoch] = useState(0);

  const load = useCallback(async () => {
    const [inc, out, due] = await Promise.all([casesApi.referrals('incoming'), casesApi.referrals('outgoing'), casesApi.followUps()]);
    setIncoming(inc);
    setOutgoing(out);
    setReminders(due.filter((f) => f.overdue));
  }, []);

  // Sent, accepted or returned: both lists are fetched again (a referral names agencies by code,
  // and which side we are on is the server's to say), and an open case page reloads.
  const onReferral = useCallback(
    (_r: ReferralView) => {
      void load().catch(() => undefined);
      setEpoch((e) => e + 1);
    },
    [load],
  );
  const onFollowUpDue = useCallback((f: FollowUpView) => setReminders((l) => [f, ...l.filter((x) => x.id !== f.id)]), []);
  const dismissReminder = (id: string) => setReminders((l) => l.filter((x) => x.id !== id));

  return { openId, setOpenId, incoming: incoming.filter((r) => r.state === 'sent'), outgoing, reminders, epoch, load, onReferral, onFollowUpDue, dismissReminder };
}
export type CasesState = ReturnType<typeof useCases>;
