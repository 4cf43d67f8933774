/**
 * An independent second look for danger to life (../safety-net.ts), which may raise and never
 * lowers; and an emergency already in the hands of an ambulance or the police is `high`.
 */
import { handledByEmergencyServices, safetyNet } from '../safety-net';
import type { RuleContext } from './context';

export function secondLook(ctx: RuleContext): void {
  const { norm, japanese, tokens, R, tokenizer } = ctx;
  // may raise, never lowers
  const net = R.urgency === 'emergency' ? null : safetyNet({ norm, tokens, japanese }, tokenizer);
  if (net) (R.add(net.categories, net.urgency, net.reason), R.remove('other'));
  // once an ambulance or the police have taken over, staff act today but it is not a 119 moment
  if (R.urgency === 'emergency' && handledByEmergencyServices(norm) && !(net && net.urgency === 'emergency')) {
    R.urgency = 'high';
    R.reasons.push('救急・警察が対応済み → high');
  }
}
