/**
 * Staff account commands: add, disable/enable, set a new password, lift a login lockout.
 * Passwords are asked for (hidden) when `--password` is left out. Disabling and a new password
 * end the account's sessions; its open inbox connections are cut at once through Redis, or
 * within STAFF_SESSION_RECHECK_SECONDS when Redis cannot be reached from here.
 */
import { DEFAULT_AGENCY_CODE } from '../agencies/default-agency';
import { addStaff, addStaffInput, STAFF_ROLES } from '../staff/add-staff';
import { setStaffDisabled, setStaffPassword, type AccountChange } from '../staff/manage-account';
import { createPublisher } from '../events/publisher';
import { createLoginThrottle, loginThrottleSettings } from '../auth/login-throttle';
import { loadConfig, type Config } from '../config';
import { type Command, UsageError } from './command';
import { promptNewPassword } from './prompt-password';
import { withDatabase, withRedis } from './resources';

const email = { type: 'string', value: 'E', required: true, description: 'the account’s email address' } as const;
const passwordOption = {
  type: 'string',
  value: 'P',
  description: 'the password (better left out: you are asked for it, hidden, and it stays out of shell history)',
} as const;

async function newPassword(given: string | boolean | undefined, userInputs: string[]): Promise<string> {
  if (typeof given === 'string') {
    console.error('note: a password on the command line stays in shell history; leave out --password to be asked for it');
    return given;
  }
  return promptNewPassword(userInputs);
}

/** Cuts the account's live inbox connections in every API process (they also end at the next recheck). */
async function cutSockets(config: Config, change: AccountChange): Promise<AccountChange & { liveConnections: string }> {
  const cut = await withRedis(config, async (redis) => {
    createPublisher(redis, config.QUEUE_PREFIX).endStaffSockets(change.staff.id);
    return true;
  });
  return { ...change, liveConnections: cut ? 'closed' : `Redis not reachable: closed within ${config.STAFF_SESSION_RECHECK_SECONDS} s` };
}

export const staffCommands: Command[] = [
  {
    name: 'staff:add',
    summary: 'add a staff account (roles: counsellor, supervisor, admin of an agency; operator runs the system and sees no consultations)',
    options: {
      email,
      name: { type: 'string', value: 'N', required: true, description: 'name shown to colleagues' },
      role: { type: 'string', value: STAFF_ROLES.join('|'), required: true, description: 'what the account may do' },
      agency: { type: 'string', value: 'CODE', description: `agency code (default ${DEFAULT_AGENCY_CODE})` },
      password: passwordOption,
    },
    async run(v) {
      // Check everything but the password first, so nobody types a password for a wrong command.
      const base = { email: v.email, name: v.name, role: v.role, agencyCode: v.agency ?? DEFAULT_AGENCY_CODE };
      const check = addStaffInput.omit({ password: true }).safeParse(base);
      if (!check.success) {
        const flag = (k: unknown) => (k === 'agencyCode' ? 'agency' : String(k));
        throw new UsageError(`staff:add: ${check.error.issues.map((i) => `--${flag(i.path[0])}: ${i.message}`).join('; ')}`);
      }
      const password = await newPassword(v.password, [String(v.email), String(v.name)]);
      const input = addStaffInput.safeParse({ ...base, password });
      if (!input.success) throw new UsageError(`staff:add: ${input.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`);
      const staff = await withDatabase((db) => addStaff(db, input.data));
      console.log(JSON.stringify({ staff }));
      return 0;
    },
  },
  {
    name: 'staff:disable',
    summary: 'disable an account: it cannot log in, its sessions end and its open inbox is closed',
    options: { email },
    async run(v) {
      const result = await withDatabase(async (db, config) => cutSockets(config, await setStaffDisabled(db, String(v.email), true)));
      console.log(JSON.stringify(result));
      return 0;
    },
  },
  {
    name: 'staff:enable',
    summary: 'enable a disabled account again (it logs in anew)',
    options: { email },
    async run(v) {
      console.log(JSON.stringify(await withDatabase((db) => setStaffDisabled(db, String(v.email), false))));
      return 0;
    },
  },
  {
    name: 'staff:password',
    summary: 'set a new password for an account (e.g. forgotten); its sessions end',
    options: { email, password: passwordOption },
    async run(v) {
      const password = await newPassword(v.password, [String(v.email)]);
      const result = await withDatabase(async (db, config) => cutSockets(config, await setStaffPassword(db, String(v.email), password)));
      console.log(JSON.stringify(result));
      return 0;
    },
  },
  {
    name: 'staff:unlock',
    summary: 'lift a login lockout after repeated failed logins (needs Redis)',
    options: { email },
    async run(v) {
      // No database needed: the lockout lives in Redis (so this works while the server runs).
      const config = loadConfig();
      const done = await withRedis(config, async (redis) => {
        await createLoginThrottle(redis, loginThrottleSettings(config)).unlock(String(v.email));
        return true;
      });
      if (!done) {
        console.error('staff:unlock: Redis is not reachable at REDIS_URL; the lockout lives there');
        return 1;
      }
      console.log(JSON.stringify({ unlocked: String(v.email).toLowerCase() }));
      return 0;
    },
  },
];
