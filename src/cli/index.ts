/**
 * Command line: `npm run -s cli -- <command> [options]`. Works before the server ever started,
 * on the same settings (DATABASE_URL, or the embedded database in DATA_DIR).
 *
 *   agency:add --code C --name N
  team:add --name N [--agency CODE] [--members a@x.jp,b@x.jp]
 *   team:add --name N [--agency CODE] [--members a@x.jp,b@x.jp]
 *   staff:add --email E --name N --password P --role counsellor|supervisor|admin [--agency CODE]
 *   classify  < in.jsonl > out.jsonl     (no server, database, Redis or network)
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { ensureDefaultAgency, DEFAULT_AGENCY_CODE } from '../agencies/default-agency';
import { addStaff, addStaffInput } from '../staff/add-staff';
import { addAgency, addAgencyInput } from '../agencies/add-agency';
import { addTeam, addTeamInput } from '../teams/teams';
import { isAppError } from '../errors';
import { runClassify } from './classify';

const usage = `usage: npm run -s cli -- <command>
  agency:add --code C --name N
  staff:add --email E --name N --password P --role counsellor|supervisor|admin [--agency CODE]
  classify < in.jsonl > out.jsonl`;

async function staffAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string' } },
    strict: true,
  });
  const { agency, ...rest } = values;
  const input = addStaffInput.safeParse({ ...rest, agencyCode: agency ?? DEFAULT_AGENCY_CODE });
  if (!input.success) {
    const flag = (k: unknown) => (k === 'agencyCode' ? 'agency' : String(k));
    console.error(`staff:add: ${input.error.issues.map((i) => `--${flag(i.path[0])}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const staff = await withDatabase((db) => addStaff(db, input.data));
  console.log(JSON.stringify({ staff }));
  return 0;
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await ensureDefaultAgency(database.db);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

async function agencyAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { code: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const input = addAgencyInput.safeParse(values);
  if (!input.success) {
    console.error(`agency:add: ${input.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const agency = await withDatabase((db) => addAgency(db, input.data));
  console.log(JSON.stringify({ agency }));
  return 0;
}

async function teamAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, agency: { type: 'string' }, members: { type: 'string' } }, strict: true });
  const input = addTeamInput.safeParse({
    name: values.name,
    agencyCode: values.agency ?? DEFAULT_AGENCY_CODE,
    memberEmails: values.members ? values.members.split(',').map((e) => e.trim()).filter(Boolean) : [],
  });
  if (!input.success) {
    console.error(`team:add: ${input.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const team = await withDatabase((db) => addTeam(db, input.data));
  console.log(JSON.stringify({ team }));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'agency:add':
      return agencyAdd(rest);
    case 'team:add':
      return teamAdd(rest);
    case 'staff:add':
      return staffAdd(rest);
    case 'classify':
      return runClassify(process.stdin, process.stdout);
    default:
      console.error(usage);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2))
  // exitCode, not exit(): stdout (classify's output) must drain before the process ends.
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    if (err instanceof ConfigError || isAppError(err) || (err as { code?: string }).code === 'database_busy') {
      console.error(err.message);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  });
