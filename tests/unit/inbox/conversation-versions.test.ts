/**
 * Views of one conversation arriving out of order (events from the API and the workers cross on
 * the way; a page loads while events arrive): the inbox keeps the one with the higher version.
 */
import type { Conversation } from '../../../src/inbox/api';
import { isCurrent, mergeConversations } from '../../../src/inbox/ordering';

const view = (version: number | undefined, urgency: 'normal' | 'high'): Conversation => ({
  id: 'c1',
  channel: 'line',
  status: 'new',
  lastMessageAt: '2026-12-06T01:00:00.000Z',
  unread: 1,
  triage: { categories: [], urgency, reporter: 'self', reasons: [] } as unknown as Conversation['triage'],
  ...(version === undefined ? {} : { version }),
});

describe('isCurrent', () => {
  test('an older view than the known one is not current; an equal or newer one is', () => {
    expect(isCurrent(view(3, 'normal'), view(4, 'high'))).toBe(false);
    expect(isCurrent(view(4, 'normal'), view(4, 'high'))).toBe(true);
    expect(isCurrent(view(5, 'normal'), view(4, 'high'))).toBe(true);
  });

  test('without a known view, or without versions (an older server), the incoming view wins', () => {
    expect(isCurrent(view(0, 'normal'), undefined)).toBe(true);
    expect(isCurrent(view(undefined, 'normal'), view(4, 'high'))).toBe(true);
    expect(isCurrent(view(1, 'normal'), view(undefined, 'high'))).toBe(true);
  });
});

describe('mergeConversations', () => {
  test('keeps the newer view of a conversation whichever side brings it', () => {
    expect(mergeConversations([view(4, 'high')], [view(3, 'normal')])[0].triage?.urgency).toBe('high');
    expect(mergeConversations([view(3, 'normal')], [view(4, 'high')])[0].triage?.urgency).toBe('high');
    expect(mergeConversations([view(3, 'normal')], [view(4, 'high')])).toHaveLength(1);
  });
});
