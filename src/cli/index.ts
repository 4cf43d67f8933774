/**
 * Command line: `npm run -s cli -- <command> [options]`; `help` lists every command with its
 * options. Works before the server ever started, on the same settings (DATABASE_URL, or the
 * embedded database in DATA_DIR, which only one process may hold at a time).
 */
import { ConfigError } from '../config';
import { DEFAULT_AGENCY_CODE } from '../agencies/default-agency';
import { addAgency, addAgencyInput } from '../agencies/add-agency';
import { addTeam, addTeamInput } from '../teams/teams';
import { isAppError } from '../errors';
import { runClassify } from './classify';
import { type Command, helpText, parseOptions, UsageError } from './command';
import { staffCommands } from './staff-commands';
import { retentionCommands } from './retention-commands';
import { withDatabase } from './resources';

const issues = (name: string, e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  new UsageError(`${name}: ${e.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`);

const commands: Command[] = [
  {
    name: 'agency:add',
    summary: 'add a partner agency or desk (staff and conversations belong to one)',
    options: {
      code: { type: 'string', value: 'C', required: true, description: 'short code: 2–40 lowercase letters, digits, - or _' },
      name: { type: 'string', value: 'N', required: true, description: 'name shown to staff' },
    },
    async run(v) {
      const input = addAgencyInput.safeParse(v);
      if (!input.success) throw issues('agency:add', input.error);
      console.log(JSON.stringify({ agency: await withDatabase((db) => addAgency(db, input.data)) }));
      return 0;
    },
  },
  {
    name: 'team:add',
    summary: 'add a team within an agency (conversations can be handed to it)',
    options: {
      name: { type: 'string', value: 'N', required: true, description: 'team name, e.g. 高齢・介護班' },
      agency: { type: 'string', value: 'CODE', description: `agency code (default ${DEFAULT_AGENCY_CODE})` },
      members: { type: 'string', value: 'a@x.jp,b@x.jp', description: 'emails of members (staff of that agency)' },
    },
    async run(v) {
      const input = addTeamInput.safeParse({
        name: v.name,
        agencyCode: v.agency ?? DEFAULT_AGENCY_CODE,
        memberEmails: typeof v.members === 'string' ? v.members.split(',').map((e) => e.trim()).filter(Boolean) : [],
      });
      if (!input.success) throw issues('team:add', input.error);
      console.log(JSON.stringify({ team: await withDatabase((db) => addTeam(db, input.data)) }));
      return 0;
    },
  },
  ...staffCommands,
  ...retentionCommands,
  {
    name: 'classify',
    summary: 'triage JSON lines from stdin to stdout, without server, database, Redis or network',
    options: {},
    notes: ['stdin: lines {"id","text"}; stdout: one result line per input line'],
    run: () => runClassify(process.stdin, process.stdout),
  },
];

const help: Command = { name: 'help', summary: 'this list', options: {}, run: async () => (console.log(helpText([...commands, help])), 0) };

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') return help.run({});
  const command = [...commands, help].find((c) => c.name === name);
  if (!command) {
    console.error(`unknown command: ${name}\n\n${helpText([...commands, help])}`);
    return 2;
  }
  try {
    return await command.run(parseOptions(command, rest));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    throw err;
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
    // A closed prompt (Ctrl-C) ends quietly.
    if ((err as Error).name === 'ExitPromptError') process.exit(130);
    console.error(err);
    process.exit(1);
  });
