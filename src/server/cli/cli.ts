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
import { DEMO_CALLER_NUMBER, DEMO_EXCHANGE_TOKEN, DEMO_LINES } from '../demo/seed-demo-phone';
import { DAY_SECONDS, DEFAULT_CALLS, planDay, type PlanLine } from './phone-day';
import {
  ExchangeRequestError,
  ExchangeUnreachableError,
  exchangeClient,
  playDay,
  ringOnce,
} from './phone-exchange';

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

/** A number greater than 0, as typed in an option. */
function positiveNumberOption(option: string, text: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${option} must be a number greater than 0 (not "${text}").`);
  }
  return value;
}

/** The server and token the simulated exchange uses: as given, else the environment, else the demo's. */
function exchangeOptions(config: () => Config, options: { url?: string; token?: string }) {
  const url = options.url ?? process.env.APKALPO_URL ?? `http://localhost:${config().port}`;
  const token = options.token ?? process.env.APKALPO_EXCHANGE_TOKEN ?? DEMO_EXCHANGE_TOKEN;
  return exchangeClient(url, token);
}

/** An exchange's request that failed is the operator's to fix: a usage error with the reason. */
async function asExchange<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExchangeRequestError || error instanceof ExchangeUnreachableError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

const demoLine = (key: string) =>
  (DEMO_LINES.find((line) => line.unitKey === key) as (typeof DEMO_LINES)[number]).number;

function addPhoneCommands(program: Command, config: () => Config): void {
  const phone = program
    .command('phone')
    .description(
      'The phone channel: a simulated telephone exchange that calls a running Apkalpo over HTTP ' +
        'with an exchange token, as a real one would (README, "Phone").',
    );
  const connection = (command: Command) =>
    command
      .option('--url <url>', "Apkalpo's address (default: APKALPO_URL or http://localhost:PORT)")
      .option(
        '--token <token>',
        "the exchange's token (default: APKALPO_EXCHANGE_TOKEN, else the demo exchange's)",
      );

  connection(
    phone
      .command('simulate')
      .description(
        'Play a day of incoming calls: for each, new_call, the route asked for, then answer and ' +
          'hangup, a transfer, a missed call (busy, cancelled, no answer) or a voicemail on the ' +
          'information line. The calls are spread over 08:00–17:00 with morning and afternoon ' +
          'peaks and played faster by --speed; events carry the moment they are sent.',
      ),
  )
    .option('--calls <n>', 'how many calls', String(DEFAULT_CALLS))
    .option('--speed <x>', 'simulated seconds in a real second (60: the day in 9 minutes)', '60')
    .option('--seed <n>', 'the same seed plays the same day (default: a new one each run)')
    .option(
      '--lines <numbers>',
      'comma-separated numbers of the units called (default: the demo lines)',
    )
    .option(
      '--information-line <number>',
      'the line whose callers may leave voicemail (default: the demo information line)',
    )
    .action(
      async (options: {
        url?: string;
        token?: string;
        calls: string;
        speed: string;
        seed?: string;
        lines?: string;
        informationLine?: string;
      }) => {
        const calls = wholeNumberOption('--calls', options.calls);
        const speed = positiveNumberOption('--speed', options.speed);
        const seed =
          options.seed === undefined
            ? Date.now() % 1_000_000
            : wholeNumberOption('--seed', options.seed);
        const given = options.lines?.split(',').map((number) => number.trim());
        if (given?.some((number) => number === '')) {
          throw new UsageError('--lines takes phone numbers separated by commas.');
        }
        const informationLine =
          options.informationLine ??
          (given ? undefined : DEMO_LINES.find((line) => line.informationLine)?.number);
        const lines: PlanLine[] = (given ?? DEMO_LINES.map((line) => line.number)).map(
          (number) => ({ number, informationLine: number === informationLine }),
        );
        if (informationLine && !lines.some((line) => line.informationLine)) {
          lines.push({ number: informationLine, informationLine: true });
        }
        const menuKeys = given
          ? []
          : DEMO_LINES.flatMap((line) => (line.menuKey ? [line.menuKey] : []));
        const plan = planDay({
          seed,
          lines,
          calls,
          menuKeys,
          // A run of its own: calls of an earlier run with the same seed are not repeats.
          callIdPrefix: `sim-${seed}-${Date.now().toString(36)}`,
        });
        const minutes = Math.ceil(DAY_SECONDS / speed / 60);
        console.log(
          `Playing ${plan.length} calls (seed ${seed}) over about ${minutes} min at ${speed}×…`,
        );
        const client = exchangeOptions(config, options);
        const result = await asExchange(() =>
          playDay(plan, { client, speed, report: (line) => console.log(line) }),
        );
        const { answered, transferred, cancelled, no_answer, busy, voicemail } = result.outcomes;
        console.log(
          `Done: ${answered + transferred} answered (${transferred} transferred), ` +
            `${cancelled + no_answer + busy} missed (${busy} busy, ${cancelled} given up, ` +
            `${no_answer} not answered), ${voicemail} voicemail.`,
        );
      },
    );

  connection(
    phone
      .command('ring')
      .description(
        'Ring a unit once, in real time: whoever the route rings sees the caller card; unless ' +
          "--answer, nobody answers and the call becomes a callback on the unit's list.",
      ),
  )
    .option(
      '--from <number>',
      'the caller (default: a demo client with open requests)',
      DEMO_CALLER_NUMBER,
    )
    .option('--to <number>', "the unit's line (default: the demo centre's)", demoLine('centreMain'))
    .option('--seconds <n>', 'how long it rings', '20')
    .option('--answer', 'answered by the first extension rung')
    .option('--talk <n>', 'seconds of talk once answered', '30')
    .action(
      async (options: {
        url?: string;
        token?: string;
        from: string;
        to: string;
        seconds: string;
        answer?: boolean;
        talk: string;
      }) => {
        const client = exchangeOptions(config, options);
        await asExchange(() =>
          ringOnce(client, {
            from: options.from,
            to: options.to,
            callId: `ring-${Date.now().toString(36)}`,
            ringSeconds: wholeNumberOption('--seconds', options.seconds),
            answer: options.answer ?? false,
            talkSeconds: wholeNumberOption('--talk', options.talk),
            report: (line) => console.log(line),
          }),
        );
      },
    );
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
  addPhoneCommands(program, config);

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
