/**
 * Retention from the command line: `retention:due` shows what the purge would erase now (ids per
 * agency, nothing erased: check before a first run or a change of RETENTION_DAYS);
 * `retention:purge` runs it now instead of waiting for RETENTION_SCHEDULE. Ids and counts only.
 */
import type { Command } from './command';
import { withDatabase } from './resources';
import { findDue, purgeExpired } from '../retention/purge';

export const retentionCommands: Command[] = [
  {
    name: 'retention:due',
    summary: 'what the retention purge would erase now (closed and older than RETENTION_DAYS); erases nothing',
    options: {},
    notes: ['stdout: {"retentionDays","conversations":[{id,agencyId}],"cases":[{id,agencyId}]}'],
    async run() {
      const out = await withDatabase(async (db, config) => ({ retentionDays: config.RETENTION_DAYS, ...(await findDue(db, { now: new Date(), retentionDays: config.RETENTION_DAYS })) }));
      console.log(JSON.stringify(out));
      return 0;
    },
  },
  {
    name: 'retention:purge',
    summary: 'run the retention purge now (it also runs on RETENTION_SCHEDULE); recorded in erasures',
    options: {},
    notes: ['stdout: {"erased":[{agencyId,conversationIds,caseIds,counts}]}'],
    async run() {
      const out = await withDatabase((db, config) => purgeExpired(db, { now: new Date(), retentionDays: config.RETENTION_DAYS }));
      console.log(JSON.stringify(out));
      return 0;
    },
  },
];
