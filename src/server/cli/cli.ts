import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { CreateStaffBody, Password, Role } from '../../contracts/staff.contracts';
import { ROLES } from '../../domain/roles';
import { ConfigError, loadConfig, type Config } from '../config';
import { DatabaseInUseError, type Database } from '../db/database';
import { seedDemoData } from '../db/seed-demo';
import { systemClock } from '../adapters/clock';
import { systemContext } from '../http/access';
import { AppError } from '../http/errors';
import { detailOf, fieldMessageOf } from '../http/messages';
import { openMigratedDatabase, servicesFor } from '../runtime';

/** Exit codes: 0 done, 1 the work failed, 2 the command was given wrongly. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

async function withDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openMigratedDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function describeAppError(error: AppError): string {
  const fields = error.fieldErrors.map(
    (field) => `  ${field.field}: ${fieldMessageOf(field.code, field.params ?? {}, 'en')}`,
  );
  return [detailOf(error.messageKey, error.params, 'en'), ...fields].join('\n');
}

export function buildCli(config: () => Config): Command {
  const program = new Command('apkalpo')
    .description(
      'Apkalpo operator commands. The database is the one the server uses (DATABASE_URL or APKALPO_DATA_DIR).',
    )
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');

  program
    .command('migrate')
    .description('Bring the database schema up to date (the server also does this on start).')
    .action(async () => {
      await withDatabase(config(), () => Promise.resolve());
      console.log('The database schema is up to date.');
    });

  program
    .command('seed-demo')
    .description('Load the demo organisation into an empty database (refused in production).')
    .action(async () => {
      const settings = config();
      if (settings.production)
        throw new UsageError('Demo data is never loaded when NODE_ENV=production.');
      await withDatabase(settings, async (database) => {
        const services = servicesFor(database);
        if (await services.staff.anyExists()) {
          throw new UsageError(
            'The database already has staff; demo data goes only into an empty database.',
          );
        }
        await seedDemoData(services, systemClock, database.db);
      });
      console.log('Demo data loaded. Sign in as admin@example.lv with the password apkalpo-demo.');
    });

  const user = program.command('user').description('Manage sign-in accounts.');
  user
    .command('create')
    .description(
      'Create a person who can sign in, e.g. the first administrator of a new installation. ' +
        'The password comes from standard input (--password-stdin) or APKALPO_PASSWORD.',
    )
    .requiredOption('--email <email>', 'sign-in email address')
    .requiredOption('--given-name <name>', 'given name')
    .requiredOption('--surname <name>', 'surname')
    .option('--position <position>', 'position', 'Administrators')
    .option('--phone <phone>', 'phone number')
    .addOption(
      new Option('--role <role...>', 'roles (several allowed)')
        .choices(ROLES)
        .default(['administrator']),
    )
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (options: {
        email: string;
        givenName: string;
        surname: string;
        position: string;
        phone?: string;
        role: string[];
        passwordStdin?: boolean;
      }) => {
        const password = options.passwordStdin ? await readStdin() : process.env.APKALPO_PASSWORD;
        if (!password) {
          throw new UsageError(
            'Give the password through --password-stdin or the APKALPO_PASSWORD variable.',
          );
        }
        if (!Password.safeParse(password).success) {
          throw new UsageError('The password must be 12 to 200 characters long.');
        }
        const body = CreateStaffBody.safeParse({
          givenName: options.givenName,
          surname: options.surname,
          position: options.position,
          email: options.email,
          phone: options.phone,
          roles: z.array(Role).parse(options.role),
          password,
        });
        if (!body.success) {
          const fields = body.error.issues.map(
            (issue) => `--${issue.path.join('.')}: ${issue.message}`,
          );
          throw new UsageError(`Invalid values:\n  ${fields.join('\n  ')}`);
        }
        const created = await withDatabase(config(), (database) =>
          servicesFor(database).staff.create(systemContext('cli:user-create'), body.data),
        );
        console.log(
          `Created ${created.givenName} ${created.surname} <${created.email}> with roles: ${created.roles.join(', ')}.`,
        );
      },
    );

  return program;
}

export async function runCli(
  argv: readonly string[],
  config: () => Config = () => loadConfig(),
): Promise<number> {
  const program = buildCli(config);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? 0
        : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      console.error(error.message);
      return EXIT_USAGE;
    }
    if (error instanceof AppError) {
      console.error(describeAppError(error));
      return error.status < 500 ? EXIT_USAGE : EXIT_FAILED;
    }
    if (error instanceof ConfigError || error instanceof DatabaseInUseError) {
      console.error(error.message);
      return EXIT_FAILED;
    }
    console.error('The command failed:', error);
    return EXIT_FAILED;
  }
}
