import { readFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { CreateStaffBody, Password, Role } from '../../contracts/staff.contracts';
import { ROLES } from '../../domain/roles';
import { allocateSample } from '../../domain/sample-allocation';
import { describeCsvProblem, parseSurveyAnswers } from '../../domain/survey-csv';
import { analyseSurvey } from '../../domain/survey-stats';
import { ConfigError, DEVELOPMENT_SMTP_PORT, loadConfig, type Config } from '../config';
import { DatabaseInUseError, type Database } from '../db/database';
import { systemContext } from '../http/access';
import { AppError } from '../http/errors';
import { detailOf, fieldMessageOf } from '../http/messages';
import { openMigratedDatabase, seedDemoIfEmpty, servicesFor } from '../runtime';

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

/** A file that must be UTF-8 text, as the survey formats are (spreadsheets may save otherwise). */
async function readUtf8File(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${file}${code ? ` (${code})` : ''}.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text; save it as "CSV UTF-8".`);
  }
}

/** A whole number 0 or more, as typed in an option. */
function wholeNumberOption(option: string, text: string): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new UsageError(`${option} must be a whole number, 0 or more (not "${text}").`);
  }
  return value;
}

/** `name=number,name=number` → pairs in the order given. */
function namedNumbersOption(option: string, text: string): Array<[string, number]> {
  const seen = new Set<string>();
  return text.split(',').map((part) => {
    const at = part.lastIndexOf('=');
    const name = part.slice(0, at).trim();
    if (at < 0 || name === '') {
      throw new UsageError(`${option} takes name=number[,name=number…] (not "${part}").`);
    }
    if (seen.has(name)) throw new UsageError(`${option} names "${name}" twice.`);
    seen.add(name);
    return [name, wholeNumberOption(`${option} ${name}`, part.slice(at + 1))];
  });
}

/**
 * The allocation as JSON.stringify(…, null, 2) would print it, but in the strata's order even for
 * names like "2", which a JavaScript object would move to the front.
 */
function allocationJson(allocation: ReadonlyArray<{ name: string; sample: number }>): string {
  const entries = allocation.map(({ name, sample }) => `    ${JSON.stringify(name)}: ${sample}`);
  return `{\n  "allocation": {\n${entries.join(',\n')}\n  }\n}`;
}

function addSurveyCommands(program: Command): void {
  const survey = program
    .command('survey')
    .description('Analyse survey answers and plan samples (pure calculations, no database).');

  survey
    .command('analyse')
    .description(
      'Counts and 1–4 means per factor, wave and dimension, and the importance–satisfaction ' +
        'map of one wave, as JSON. The CSV has columns respondent, wave, optional stratum and ' +
        '<factor>:importance / <factor>:satisfaction with 1–4, dk or empty.',
    )
    .argument('<answers.csv>', 'the answers, UTF-8 CSV with a header row')
    .requiredOption('--map-wave <wave>', 'the wave the map shows')
    .option(
      '--border-waves <waves>',
      'comma-separated waves whose factor means set the quadrant borders ' +
        '(default: the map wave and the one before it)',
    )
    .action(async (file: string, options: { mapWave: string; borderWaves?: string }) => {
      const borderWaves = options.borderWaves?.split(',').map((wave) => wave.trim());
      if (borderWaves?.some((wave) => wave === '')) {
        throw new UsageError('--border-waves takes wave names separated by commas.');
      }
      const parsed = parseSurveyAnswers(await readUtf8File(file));
      if (!parsed.ok) throw new UsageError(`${file}: ${describeCsvProblem(parsed.problem)}`);
      const result = analyseSurvey(parsed.answers, { mapWave: options.mapWave, borderWaves });
      if (!result.ok) throw new UsageError(result.problem);
      console.log(JSON.stringify(result.analysis, null, 2));
    });

  survey
    .command('allocate')
    .description(
      'Allocate a sample across strata in proportion to size (largest remainder; equal ' +
        'remainders to the larger stratum, then the one listed first), as JSON.',
    )
    .requiredOption('--total <n>', 'the sample size')
    .requiredOption('--strata <name=size,...>', 'the strata and their sizes, in the order wanted')
    .option('--min <k>', 'the least every stratum gets')
    .option('--max <name=cap,...>', 'the most some strata get')
    .action((options: { total: string; strata: string; min?: string; max?: string }) => {
      const result = allocateSample({
        total: wholeNumberOption('--total', options.total),
        strata: namedNumbersOption('--strata', options.strata).map(([name, size]) => ({
          name,
          size,
        })),
        minimum: options.min === undefined ? 0 : wholeNumberOption('--min', options.min),
        caps: new Map(options.max === undefined ? [] : namedNumbersOption('--max', options.max)),
      });
      if (!result.ok) throw new UsageError(result.problem);
      console.log(allocationJson(result.allocation));
    });
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
        if (!(await seedDemoIfEmpty(servicesFor(database), database))) {
          throw new UsageError(
            'The database already has staff; demo data goes only into an empty database.',
          );
        }
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

  addSurveyCommands(program);

  const mail = program.command('mail').description('The mail channel.');
  mail
    .command('send-test')
    .description(
      "Send a test letter to Apkalpo's SMTP receiver, as the municipality's mail server would " +
        "forward a resident's mail; within seconds it is a request on the mailbox unit's list.",
    )
    .option(
      '--to <address>',
      'the recipient: an address a mailbox on the receiver takes',
      'pasts@apkalpo.lv',
    )
    .option('--from <address>', 'the sender', 'anna.ozola@example.lv')
    .option('--subject <text>', 'the subject (the request gets it as its title)', 'Testa vēstule')
    .option('--body <text>', 'the text', 'Labdien! Šī ir testa vēstule Apkalpo e-pasta kanālam.')
    .option('--host <host>', "the receiver's host", 'localhost')
    .option('--port <port>', "the receiver's port (default: APKALPO_SMTP_PORT or 2525)")
    .action(
      async (options: {
        to: string;
        from: string;
        subject: string;
        body: string;
        host: string;
        port?: string;
      }) => {
        const port = options.port
          ? wholeNumberOption('--port', options.port)
          : (config().mail.smtpPort ?? DEVELOPMENT_SMTP_PORT);
        const transport = nodemailer.createTransport({
          host: options.host,
          port,
          secure: false,
          ignoreTLS: true,
        });
        try {
          const sent = await transport.sendMail({
            from: options.from,
            to: options.to,
            subject: options.subject,
            text: options.body,
          });
          console.log(`The receiver answered: ${sent.response}`);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new UsageError(
            `The letter was not taken by ${options.host}:${port}: ${reason}. Is Apkalpo running (npm start)?`,
          );
        } finally {
          transport.close();
        }
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
