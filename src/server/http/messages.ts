import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { ErrorCode } from './errors';

export const LANGUAGES = ['lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Texts = Record<Language, string>;

/**
 * The language of the answer: the one of Latvian and English the client ranks higher in its
 * Accept-Language (q-values honoured, "en-GB" counting as English); Latvian when it names neither.
 */
export function languageOf(request: FastifyRequest): Language {
  const preferred = new Negotiator(request).language(LANGUAGES);
  return preferred === 'en' ? 'en' : 'lv';
}

const TITLES: Record<ErrorCode, Texts> = {
  validation: { lv: 'Dati nav derīgi', en: 'The data are not valid' },
  unauthenticated: { lv: 'Nepieciešams pieteikties', en: 'Sign-in required' },
  invalid_credentials: { lv: 'Pieteikšanās neizdevās', en: 'Sign-in failed' },
  forbidden: { lv: 'Nav tiesību', en: 'Not permitted' },
  csrf: { lv: 'Pieprasījums noraidīts', en: 'Request refused' },
  not_found: { lv: 'Nav atrasts', en: 'Not found' },
  conflict: { lv: 'Darbību nevar veikt', en: 'The action cannot be done' },
  version_conflict: {
    lv: 'Ierakstu jau ir mainījis kāds cits',
    en: 'Someone else changed this record',
  },
  payload_too_large: { lv: 'Pieprasījums ir pārāk liels', en: 'The request is too large' },
  uri_too_long: { lv: 'Adrese ir pārāk gara', en: 'The address is too long' },
  unsupported_media_type: { lv: 'Neatbalstīts datu formāts', en: 'Unsupported data format' },
  rate_limited: { lv: 'Pārāk daudz mēģinājumu', en: 'Too many attempts' },
  internal: { lv: 'Sistēmā radās kļūda', en: 'Something went wrong' },
  unavailable: { lv: 'Pakalpojums nav pieejams', en: 'Service unavailable' },
};

/**
 * Details of an occurrence, by message key; {name} is replaced by the error's parameters. Every
 * error code is also a key (an AppError's default), and the keys are closed (MessageKey), so a
 * key thrown without its Latvian and English text does not compile.
 */
const DETAILS = {
  validation: {
    lv: 'Lūdzu, izlabojiet atzīmētos laukus.',
    en: 'Please correct the marked fields.',
  },
  unauthenticated: {
    lv: 'Lūdzu, piesakieties, lai turpinātu.',
    en: 'Please sign in to continue.',
  },
  session_expired: {
    lv: 'Jūsu sesija ir beigusies. Lūdzu, piesakieties vēlreiz.',
    en: 'Your session has ended. Please sign in again.',
  },
  invalid_token: {
    lv: 'API pilnvara nav derīga, ir atsaukta vai beigusies.',
    en: 'The API token is not valid, has been revoked or has expired.',
  },
  invalid_credentials: {
    lv: 'Nepareiza e-pasta adrese vai parole.',
    en: 'Wrong email address or password.',
  },
  forbidden: {
    lv: 'Jums nav tiesību veikt šo darbību.',
    en: 'You are not permitted to do this.',
  },
  csrf: {
    lv: 'Drošības pārbaude neizdevās. Lūdzu, pārlādējiet lapu un mēģiniet vēlreiz.',
    en: 'The security check failed. Please reload the page and try again.',
  },
  not_found: {
    lv: 'Pieprasītais ieraksts nav atrasts.',
    en: 'The requested record was not found.',
  },
  route_not_found: {
    lv: 'Šāda adrese nav zināma.',
    en: 'This address is not known.',
  },
  malformed_request: {
    lv: 'Pieprasījumu nevar nolasīt: tas nav noformēts pareizi.',
    en: 'The request cannot be read: it is not well formed.',
  },
  bad_url: {
    lv: 'Adresē ir nepareizi kodēta rakstzīme.',
    en: 'The address holds a wrongly encoded character.',
  },
  uri_too_long: {
    lv: 'Kāda adreses daļa ir garāka, nekā atļauts.',
    en: 'A part of the address is longer than allowed.',
  },
  conflict: {
    lv: 'Darbību nevar veikt ieraksta pašreizējā stāvoklī.',
    en: 'The action cannot be done in the record’s current state.',
  },
  version_conflict: {
    lv: 'Kamēr jūs labojāt, ierakstu saglabāja kāds cits. Atveriet to no jauna un ievadiet izmaiņas vēlreiz.',
    en: 'Someone else saved this record while you were editing it. Open it again and re-enter your changes.',
  },
  payload_too_large: {
    lv: 'Nosūtītie dati pārsniedz atļauto apjomu.',
    en: 'The data sent exceed the allowed size.',
  },
  unsupported_media_type: {
    lv: 'Dati jānosūta JSON formātā.',
    en: 'Data must be sent as JSON.',
  },
  own_roles: {
    lv: 'Savas lomas mainīt nevar: tās maina cits administrators.',
    en: 'You cannot change your own roles: another administrator does that.',
  },
  token_beyond_issuer: {
    lv: 'Sistēmas pilnvarai var piešķirt tikai lomas, kuru tiesības ir arī jums.',
    en: 'A system token can only have roles whose permissions you hold yourself.',
  },
  token_for_another: {
    lv: 'Personīgo pilnvaru var izsniegt tikai sev.',
    en: 'A personal token can only be issued for yourself.',
  },
  login_rate_limited: {
    lv: 'Pārāk daudz neveiksmīgu pieteikšanās mēģinājumu. Mēģiniet vēlreiz pēc {minutes} min.',
    en: 'Too many unsuccessful sign-in attempts. Try again in {minutes} min.',
  },
  login_rate_limited_seconds: {
    lv: 'Pārāk daudz neveiksmīgu pieteikšanās mēģinājumu. Mēģiniet vēlreiz pēc {seconds} s.',
    en: 'Too many unsuccessful sign-in attempts. Try again in {seconds} s.',
  },
  internal: {
    lv: 'Jūsu dati nav mainīti. Mēģiniet vēlreiz; ja kļūda atkārtojas, ziņojiet administratoram, norādot kodu {requestId}.',
    en: 'Nothing was changed. Try again; if the error persists, tell the administrator the code {requestId}.',
  },
  database_unavailable: {
    lv: 'Datubāze pašlaik nav pieejama.',
    en: 'The database is not available at the moment.',
  },
  unavailable: {
    lv: 'Pakalpojums pašlaik nav pieejams. Mēģiniet vēlreiz vēlāk.',
    en: 'The service is not available at the moment. Try again later.',
  },
  rate_limited: {
    lv: 'Lūdzu, pagaidiet un mēģiniet vēlreiz.',
    en: 'Please wait and try again.',
  },
  staff_inactive: {
    lv: 'Šis darbinieks vairs nestrādā; ierakstu mainīt nevar.',
    en: 'This person has left; the record cannot be changed.',
  },
  message_not_held: {
    lv: 'Vēstule vairs negaida izskatīšanu: to jau ir izskatījis kāds cits.',
    en: 'The message is no longer waiting for review: someone else has dealt with it.',
  },
  message_without_sender: {
    lv: 'Vēstulē nav norādīts sūtītājs, tāpēc no tās nevar izveidot pieprasījumu. Lejupielādējiet to un reģistrējiet pieprasījumu ar roku.',
    en: 'The message names no sender, so no request can be made from it. Download it and register the request by hand.',
  },
  letter_not_due: {
    lv: 'Vēstule vairs negaida nosūtīšanu.',
    en: 'The letter is no longer waiting to be sent.',
  },
  letter_not_failed: {
    lv: 'Vēstule nav starp tām, ko neizdevās nosūtīt.',
    en: 'The letter is not one that could not be sent.',
  },
  request_not_open: {
    lv: 'Pieprasījums jau ir atbildēts vai slēgts; to vairs nevar pāradresēt vai pagarināt.',
    en: 'The request is already answered or closed; it can no longer be referred or extended.',
  },
  queue_empty: {
    lv: 'Rindā neviena nav.',
    en: 'Nobody is waiting in the queue.',
  },
  queue_entry_not_waiting: {
    lv: 'Šo klientu jau apkalpo vai viņš ir aizgājis.',
    en: 'This client is already being served or has left.',
  },
  contact_closed: {
    lv: 'Šis apmeklējums jau ir noslēgts.',
    en: 'This visit is already closed.',
  },
  attachment_missing: {
    lv: 'Pievienojiet failu.',
    en: 'Attach a file.',
  },
  survey_wave_not_open: {
    lv: 'Šajā aptaujas kārtā atbildes nepieņem: tā nav atvērta.',
    en: 'This survey wave is not open for answers.',
  },
  survey_questionnaire_changed: {
    lv: 'Kamēr fails tika ielasīts, aptaujas anketa vai kārtas mainījās. Nekas nav ielasīts; mēģiniet vēlreiz.',
    en: 'The questionnaire or the waves changed while the file was read. Nothing was imported; try again.',
  },
  survey_response_complete: {
    lv: 'Šī anketa jau ir iesniegta, un to vairs nevar mainīt.',
    en: 'These answers have been submitted already and can no longer change.',
  },
  cati_case_not_held: {
    lv: 'Šis respondents vairs nav pie jums — viņu zvanīšanai ir saņēmis cits intervētājs. Ņemiet nākamo respondentu.',
    en: 'This respondent is no longer yours: another interviewer has been given them. Take the next respondent.',
  },
  cati_case_closed: {
    lv: 'Šim respondentam zvanīšana jau ir pabeigta.',
    en: 'Calling this respondent is already finished.',
  },
  cati_qc_before_completion: {
    lv: 'Interviju nevar novērtēt agrāk, nekā tā pabeigta.',
    en: 'An interview cannot be reviewed before it was completed.',
  },
  survey_wave_closed: {
    lv: 'Aptaujas kārta ir slēgta, tāpēc tās iestatījumus un izlases plānu mainīt nevar. Ja tas tiešām jādara, atveriet kārtu no jauna, norādot iemeslu.',
    en: 'The survey wave is closed, so its settings and sample plan cannot change. If they really must, reopen the wave and give the reason.',
  },
  callback_claimed: {
    lv: 'Šo atzvanīšanu jau paņēmis cits kolēģis; divi darbinieki vienam iedzīvotājam nezvana.',
    en: 'A colleague has already taken this callback; two clerks never call one resident back.',
  },
  callback_closed: {
    lv: 'Šī atzvanīšana jau ir slēgta.',
    en: 'This callback is already closed.',
  },
  callback_not_yours: {
    lv: 'Vispirms paņemiet šo atzvanīšanu sev.',
    en: 'Take this callback first.',
  },
  call_has_contact: {
    lv: 'Šim zvanam jau ir piesaistīts cits kontakts.',
    en: 'Another contact is already linked to this call.',
  },
  cati_wave_closed: {
    lv: 'Aptaujas kārta ir slēgta; izlasi vairs nevar papildināt.',
    en: 'The survey wave is closed; its sample can no longer grow.',
  },
  survey_invitations_wave_closed: {
    lv: 'Aptaujas kārta ir slēgta; ielūgumus tai vairs nevar izveidot.',
    en: 'The survey wave is closed; no more invitations can be made for it.',
  },
  feedback_rate_limited: {
    lv: 'No šīs adreses nosūtīts pārāk daudz atsauksmju. Mēģiniet vēlreiz pēc {minutes} min.',
    en: 'Too much feedback has been sent from this address. Try again in {minutes} min.',
  },
  feedback_from_request_exists: {
    lv: 'Šis pieprasījums jau ir reģistrēts kā atsauksme {reference}.',
    en: 'This request is already registered as the feedback {reference}.',
  },
  feedback_no_contact: {
    lv: 'Klients nav norādījis kontaktinformāciju, tāpēc atbildi nosūtīt nevar.',
    en: 'The client left no contact details, so no answer can be sent.',
  },
  feedback_not_evaluated: {
    lv: 'Vispirms atsauksme jāizvērtē.',
    en: 'The feedback must be evaluated first.',
  },
  feedback_closed: {
    lv: 'Atsauksme ir slēgta.',
    en: 'The feedback is closed.',
  },
  feedback_not_complaint: {
    lv: 'Eskalēt var tikai sūdzību.',
    en: 'Only a complaint can be escalated.',
  },
  feedback_top_level: {
    lv: 'Sūdzība jau ir Ētikas komisijā; augstāka līmeņa nav.',
    en: 'The complaint is with the Ethics commission already; there is no level above it.',
  },
  feedback_no_open_level: {
    lv: 'Sūdzībai nav atvērta eskalācijas līmeņa.',
    en: 'The complaint has no open escalation level.',
  },
  feedback_no_manager_unit: {
    lv: 'Nevar noteikt struktūrvienību, kuras vadītājam nodot sūdzību.',
    en: 'The unit whose head the complaint goes to cannot be found.',
  },
  unit_report_submitted: {
    lv: 'Pārskats jau ir iesniegts; to vairs nevar mainīt.',
    en: 'The report has already been submitted; it can no longer be changed.',
  },
  unit_report_exists: {
    lv: 'Šīs struktūrvienības pārskats par šo gadu jau ir sākts.',
    en: 'This unit’s report for the year has already been started.',
  },
} satisfies Record<ErrorCode, Texts> & Record<string, Texts>;
export type MessageKey = keyof typeof DETAILS;

/**
 * Messages for invalid fields, by code. Codes are zod's issue codes refined, or our own rules;
 * closed like the message keys (FieldMessageCode).
 */
const FIELD_MESSAGES = {
  required: { lv: 'Obligāti aizpildāms lauks.', en: 'This field is required.' },
  invalid_type: { lv: 'Nepareiza vērtība.', en: 'Wrong kind of value.' },
  too_short: {
    lv: 'Jābūt vismaz {minimum} rakstzīmēm.',
    en: 'Must be at least {minimum} characters.',
  },
  too_long: { lv: 'Ne vairāk kā {maximum} rakstzīmes.', en: 'At most {maximum} characters.' },
  too_small_number: { lv: 'Jābūt vismaz {minimum}.', en: 'Must be at least {minimum}.' },
  too_big_number: { lv: 'Nedrīkst pārsniegt {maximum}.', en: 'Must be at most {maximum}.' },
  too_few_items: { lv: 'Jāizvēlas vismaz {minimum}.', en: 'Choose at least {minimum}.' },
  too_many_items: { lv: 'Ne vairāk kā {maximum}.', en: 'At most {maximum}.' },
  not_integer: { lv: 'Jābūt veselam skaitlim.', en: 'Must be a whole number.' },
  invalid_email: { lv: 'Nepareiza e-pasta adrese.', en: 'Not a valid email address.' },
  invalid_uuid: { lv: 'Nepareizs identifikators.', en: 'Not a valid identifier.' },
  invalid_date: {
    lv: 'Datums jānorāda formā GGGG-MM-DD, un tam jābūt īstam datumam.',
    en: 'The date must be a real date written YYYY-MM-DD.',
  },
  invalid_datetime: {
    lv: 'Laiks jānorāda ISO 8601 formā ar laika joslu.',
    en: 'The time must be ISO 8601 with a time zone.',
  },
  invalid_time: { lv: 'Laiks jānorāda formā SS:MM.', en: 'The time must be written HH:MM.' },
  invalid_url: { lv: 'Nepareiza tīmekļa adrese.', en: 'Not a valid web address.' },
  invalid_format: { lv: 'Nepareizs formāts.', en: 'Wrong format.' },
  invalid_phone: {
    lv: 'Tālruņa numurā var būt cipari, atstarpes, iekavas, domuzīmes un + sākumā.',
    en: 'A phone number may hold digits, spaces, brackets, hyphens and a leading +.',
  },
  invalid_value: { lv: 'Jāizvēlas viena no vērtībām: {values}.', en: 'Must be one of: {values}.' },
  unknown_field: { lv: 'Nezināms lauks.', en: 'Unknown field.' },
  ends_before_starts: {
    lv: 'Beigu datums nevar būt agrāks par sākuma datumu.',
    en: 'The end date cannot be before the start date.',
  },
  closes_before_opens: {
    lv: 'Slēgšanas laikam jābūt vēlākam par atvēršanas laiku.',
    en: 'Closing time must be later than opening time.',
  },
  substitute_is_self: {
    lv: 'Aizvietotājs nevar būt pats prombūtnē esošais darbinieks.',
    en: 'A person cannot substitute for themselves.',
  },
  substitute_inactive: {
    lv: 'Aizvietotājs vairs nestrādā.',
    en: 'The substitute no longer works here.',
  },
  absence_overlap: {
    lv: 'Šim darbiniekam jau ir reģistrēta prombūtne {startsOn}–{endsOn}.',
    en: 'This person already has an absence recorded for {startsOn}–{endsOn}.',
  },
  email_taken: {
    lv: 'Šī e-pasta adrese jau pieder citam darbiniekam.',
    en: 'This email address already belongs to another person.',
  },
  name_taken: {
    lv: 'Ieraksts ar šādu nosaukumu jau ir.',
    en: 'A record with this name already exists.',
  },
  unit_cycle: {
    lv: 'Struktūrvienību nevar pakārtot tai pašai vai tās apakšvienībai.',
    en: 'A unit cannot be placed under itself or one of its own sub-units.',
  },
  parent_other_institution: {
    lv: 'Augstākajai struktūrvienībai jābūt tajā pašā iestādē.',
    en: 'The parent unit must belong to the same institution.',
  },
  unit_has_children: {
    lv: 'Struktūrvienību ar apakšvienībām nevar pārcelt uz citu iestādi.',
    en: 'A unit with sub-units cannot be moved to another institution.',
  },
  block_entry_taken: {
    lv: 'Šī adrese jau ir bloķēto sarakstā.',
    en: 'This address is already on the block list.',
  },
  block_entry_invalid: {
    lv: 'Norādiet e-pasta adresi (vards@domens.lv) vai domēnu ar @ priekšā (@domens.lv).',
    en: 'Give an email address (name@domain.lv) or a domain with @ in front (@domain.lv).',
  },
  unknown_reference: {
    lv: 'Norādītais ieraksts nav atrasts.',
    en: 'The referenced record was not found.',
  },
  one_primary_unit: {
    lv: 'Jānorāda tieši viena galvenā struktūrvienība.',
    en: 'Exactly one unit must be the main one.',
  },
  duplicate_item: { lv: 'Vērtības atkārtojas.', en: 'Values repeat.' },
  wrong_password: {
    lv: 'Pašreizējā parole nav pareiza.',
    en: 'The current password is not right.',
  },
  token_owner_or_roles: {
    lv: 'Norādiet vai nu darbinieku (personīgā pilnvara), vai lomas (sistēmas pilnvara).',
    en: 'Give either a person (personal token) or roles (system token).',
  },
  date_out_of_range: {
    lv: 'Datumam jābūt no 1900. līdz 2999. gadam.',
    en: 'The date must be between the years 1900 and 2999.',
  },
  invalid_characters: {
    lv: 'Tekstā ir neatļauta rakstzīme.',
    en: 'The text holds a character that is not allowed.',
  },
  range_too_long: {
    lv: 'Periods nedrīkst būt garāks par diviem gadiem.',
    en: 'The period may not be longer than two years.',
  },
  invalid_date_or_datetime: {
    lv: 'Jānorāda datums (GGGG-MM-DD) vai laiks ar laika joslu (piem., 2025-04-17T18:20:00+03:00).',
    en: 'Give a date (YYYY-MM-DD) or a time with its zone (e.g. 2025-04-17T18:20:00+03:00).',
  },
  working_days_or_policy: {
    lv: 'Norādiet vai nu darba dienu skaitu, vai termiņa noteikumu.',
    en: 'Give either a number of working days or a deadline policy.',
  },
  not_a_weekday: {
    lv: 'Pārceltajai brīvdienai jābūt darbdienai (pirmdiena–piektdiena).',
    en: 'The day made free must be a weekday (Monday to Friday).',
  },
  not_a_saturday: {
    lv: 'Pārceltajai darba dienai jābūt sestdienai.',
    en: 'The day worked instead must be a Saturday.',
  },
  invalid_code: {
    lv: 'Kodā var būt mazie latīņu burti, cipari un domuzīmes.',
    en: 'A code may hold lower-case letters, digits and hyphens.',
  },
  date_is_holiday: {
    lv: 'Šī diena jau ir svētku diena.',
    en: 'This day is a holiday already.',
  },
  date_taken: {
    lv: 'Šim datumam jau ir ieraksts.',
    en: 'This date already has an entry.',
  },
  code_taken: { lv: 'Šāds kods jau ir.', en: 'This code is already taken.' },
  unknown_policy: {
    lv: 'Šāds termiņa noteikums nav zināms.',
    en: 'No deadline policy has this code.',
  },
  date_in_past: { lv: 'Datums nevar būt pagātnē.', en: 'The date cannot be in the past.' },
  request_undecided: {
    lv: 'Norādiet, vai pieprasījums Nr. {number} atbildēts uz vietas vai paliek atvērts.',
    en: 'Say whether request no. {number} was answered at the desk or stays open.',
  },
  request_not_open: {
    lv: 'Pieprasījums jau ir atbildēts vai slēgts.',
    en: 'The request is already answered or closed.',
  },
  time_in_past: { lv: 'Laiks nevar būt pagātnē.', en: 'The time cannot be in the past.' },
  article_internal: {
    lv: 'Iekšēju rakstu klientam sūtīt nevar.',
    en: 'An internal article cannot be sent to a client.',
  },
  month_in_future: {
    lv: 'Mēnesis vēl nav sācies; izvēlieties šo vai kādu iepriekšējo mēnesi.',
    en: 'The month has not begun yet; choose this month or an earlier one.',
  },
  year_in_future: {
    lv: 'Gads vēl nav sācies; izvēlieties šo vai kādu iepriekšējo gadu.',
    en: 'The year has not begun yet; choose this year or an earlier one.',
  },
  range_reversed: {
    lv: 'Perioda sākumam jābūt pirms beigām.',
    en: 'The start of the period must come before its end.',
  },
  personal_code_format: {
    lv: 'Personas kods jāievada formā 010190-12345 (vai jaunajā formā, kas sākas ar 32–39).',
    en: 'Enter the personal code as 010190-12345 (or the new form beginning with 32–39).',
  },
  personal_code_date: {
    lv: 'Personas koda pirmie seši cipari nav derīgs dzimšanas datums.',
    en: 'The first six digits of the personal code are not a valid date of birth.',
  },
  personal_code_century: {
    lv: 'Personas koda septītais cipars (gadsimts) var būt 0, 1 vai 2.',
    en: 'The seventh digit of the personal code (the century) must be 0, 1 or 2.',
  },
  personal_code_check_digit: {
    lv: 'Personas koda kontrolcipars nesakrīt; pārbaudiet, vai kods ievadīts pareizi.',
    en: 'The check digit of the personal code does not match; check the code for a typo.',
  },
  personal_code_taken: {
    lv: 'Klients ar šādu personas kodu jau ir reģistrēts.',
    en: 'A client with this personal code is already registered.',
  },
  merge_into_itself: {
    lv: 'Klientu nevar apvienot pašu ar sevi.',
    en: 'A client cannot be merged into itself.',
  },
  merge_other_kind: {
    lv: 'Apvienot var tikai viena veida klientus (personu ar personu, organizāciju ar organizāciju).',
    en: 'Only clients of one kind can be merged (a person with a person, an organisation with an organisation).',
  },
  client_or_new_client: {
    lv: 'Izvēlieties esošu klientu vai reģistrējiet jaunu, ne abus.',
    en: 'Choose an existing client or register a new one, not both.',
  },
  client_or_contact: {
    lv: 'Norādiet klientu vai apmeklējumu.',
    en: 'Name a client or a visit.',
  },
  owner_or_unit: {
    lv: 'Norādiet kolēģi vai struktūrvienību, kam pāradresēt.',
    en: 'Name the colleague or the unit to refer it to.',
  },
  invalid_transition: {
    lv: 'Pieprasījumu nevar pārvietot no stāvokļa „{from:requestState}” uz „{to:requestState}”.',
    en: 'The request cannot move from “{from:requestState}” to “{to:requestState}”.',
  },
  task_invalid_transition: {
    lv: 'Uzdevumu nevar pārvietot no stāvokļa „{from:taskState}” uz „{to:taskState}”.',
    en: 'The task cannot move from “{from:taskState}” to “{to:taskState}”.',
  },
  task_move_department_only: {
    lv: 'Uzdevumu no stāvokļa „{from:taskState}” uz „{to:taskState}” var pārvietot tikai Klientu apkalpošanas pārvalde, jo tā nosaka, kas struktūrvienībai jādara.',
    en: 'Only the client service department can move the task from “{from:taskState}” to “{to:taskState}”, as it decides what the unit has to do.',
  },
  task_one_basis: {
    lv: 'Uzdevumam ir viens pamats: atsauksme vai aptaujas rezultāts, ne abi.',
    en: 'A task has one basis: a feedback item or a survey result, not both.',
  },
  idea_invalid_transition: {
    lv: 'Ideju nevar pārvietot no stāvokļa „{from:ideaState}” uz „{to:ideaState}”.',
    en: 'The idea cannot move from “{from:ideaState}” to “{to:ideaState}”.',
  },
  due_not_later: {
    lv: 'Jaunajam termiņam jābūt vēlākam par pašreizējo ({dueOn}).',
    en: 'The new due date must be later than the current one ({dueOn}).',
  },
  not_in_unit: {
    lv: 'Šis kolēģis nestrādā šajā struktūrvienībā.',
    en: 'This colleague does not work in this unit.',
  },
  not_a_working_day: {
    lv: 'Šajā dienā iestāde nestrādā; izvēlieties darba dienu.',
    en: 'The office does not work on this day; choose a working day.',
  },
  link_to_itself: {
    lv: 'Pieprasījumu nevar sasaistīt pašu ar sevi.',
    en: 'A request cannot be linked to itself.',
  },
  visibility_needs_editor: {
    lv: 'Raksta redzamību var mainīt tikai zināšanu bāzes redaktors.',
    en: 'Only a knowledge-base editor can change who may see an article.',
  },
  date_not_future: {
    lv: 'Datumam jābūt vēlākam par šodienu.',
    en: 'The date must be later than today.',
  },
  related_to_itself: {
    lv: 'Pakalpojumu nevar sasaistīt pašu ar sevi.',
    en: 'A service cannot be related to itself.',
  },
  questionnaire_rule: {
    lv: 'Anketā ir kļūda: {problem}.',
    en: 'The questionnaire breaks a rule: {problem}.',
  },
  unknown_wave: {
    lv: 'Aptaujai nav kārtas "{wave}".',
    en: 'The survey has no wave "{wave}".',
  },
  wave_without_answers: {
    lv: 'Kārtā "{wave}" vēl nav atbilžu.',
    en: 'The wave "{wave}" has no answers yet.',
  },
  allocation_impossible: {
    lv: 'Izlasi nevar sadalīt ar šiem nosacījumiem: {problem}',
    en: 'The sample cannot be allocated so: {problem}',
  },
  answers_file_problem: {
    lv: 'Failu nevar ielasīt — nekas nav ielasīts. {line}. rinda, kolonna {column}: {problemLv}.',
    en: 'The file cannot be read — nothing was imported. Line {line}, column {column}: {problem}.',
  },
  unknown_question: {
    lv: 'Anketā nav tāda jautājuma.',
    en: 'The questionnaire has no such question.',
  },
  answers_empty: {
    lv: 'Bez nevienas atbildes interviju nevar pabeigt. Ja respondents pārtrauca sarunu vai atteicās, atzīmējiet atteikumu.',
    en: 'An interview with no answers cannot be completed. If the respondent broke off or refused, record a refusal.',
  },
  answer_not_allowed: {
    lv: 'Šāda atbilde uz šo jautājumu nav paredzēta.',
    en: 'This answer is not one of the question’s answers.',
  },
  person_inactive: {
    lv: 'Šis darbinieks vairs nestrādā.',
    en: 'This person no longer works here.',
  },
  time_not_future: {
    lv: 'Laikam jābūt nākotnē.',
    en: 'The time must be in the future.',
  },
  csv_missing_column: {
    lv: 'Failā nav kolonnas „{column}”; pirmajā rindā jābūt kolonnu nosaukumiem.',
    en: 'The file has no column "{column}"; the first line must name the columns.',
  },
  csv_empty: {
    lv: 'Failā nav neviena respondenta.',
    en: 'The file holds no respondent.',
  },
  csv_cell_missing: {
    lv: 'Trūkst vērtības: šī kolonna jāaizpilda katrā rindā.',
    en: 'The value is missing: this column must be filled in on every line.',
  },
  csv_cell_count: {
    lv: 'Rindā ir {found} šūnas, bet virsrakstā — {expected}; nekas nav pievienots.',
    en: 'The line has {found} cells but the header {expected}; nothing was added.',
  },
  csv_malformed: {
    lv: 'Rindu nevar nolasīt: pārbaudiet pēdiņas; nekas nav pievienots.',
    en: 'The line cannot be read: check its quotes; nothing was added.',
  },
  invitation_email_invalid: {
    lv: 'Nepareiza e-pasta adrese: „{email}”; neviens ielūgums nav izveidots.',
    en: 'Not a valid email address: "{email}"; no invitation was made.',
  },
  address_taken: {
    lv: 'Šī adrese jau pieder citai pastkastei.',
    en: 'This address already belongs to another mailbox.',
  },
  catch_all_taken: {
    lv: 'Visus adresātus jau pieņem cita aktīva pastkaste; tādai var būt tikai vienai.',
    en: 'Another active mailbox already accepts every recipient; only one may.',
  },
  no_secret_key: {
    lv: 'Paroli nevar saglabāt: serverim nav iestatīta pastkastu paroļu šifrēšanas atslēga (APKALPO_SECRET_KEY).',
    en: 'The password cannot be stored: no key configured for mailbox passwords (APKALPO_SECRET_KEY).',
  },
  unknown_placeholder: {
    lv: 'Tekstā ir nezināms aizstājējs; var lietot {numurs}, {number}, {termiņš} un {due}.',
    en: 'The text has an unknown placeholder; use {numurs}, {number}, {termiņš} and {due}.',
  },
  unknown_signature_placeholder: {
    lv: 'Veidnē ir nezināms aizstājējs; var lietot {vārds}, {uzvārds}, {amats}, {struktūrvienība}, {iestāde}, {tālrunis}, {e-pasts} un {tīmekļvietne}.',
    en: 'The template has an unknown placeholder; use {name}, {surname}, {position}, {unit}, {institution}, {phone}, {email} and {website}.',
  },
  invalid_extension: {
    lv: 'Iekšējais numurs drīkst saturēt tikai ciparus, * un # (līdz 16 zīmēm).',
    en: 'An extension may hold only digits, * and # (up to 16).',
  },
  invalid_menu_key: { lv: 'Izvēlnes taustiņš ir viens cipars.', en: 'A menu key is one digit.' },
  invalid_content_type: {
    lv: 'Ierakstam jābūt audio failam (audio/…).',
    en: 'The recording must be audio (audio/…).',
  },
  recording_url_or_upload: {
    lv: 'Norādiet ieraksta adresi vai pievienojiet ierakstu, vienu no tiem.',
    en: 'Give the recording’s address or the recording itself, one of them.',
  },
  number_taken: {
    lv: 'Šis tālruņa numurs jau pieder citai struktūrvienībai.',
    en: 'This phone number already belongs to another unit.',
  },
  extension_taken: {
    lv: 'Šis iekšējais numurs jau ir citam darbiniekam.',
    en: 'Another person already has this extension.',
  },
  menu_key_taken: {
    lv: 'Šo izvēlnes taustiņu jau izmanto cita struktūrvienība.',
    en: 'Another unit already uses this menu key.',
  },
  information_line_taken: {
    lv: 'Bezmaksas informatīvais tālrunis jau ir citai struktūrvienībai.',
    en: 'Another unit already has the free information line.',
  },
  not_a_phone_contact: {
    lv: 'Zvanam var piesaistīt tikai kontaktu pa tālruni.',
    en: 'Only a phone contact can be linked to a call.',
  },
  unit_has_no_line: {
    lv: 'Struktūrvienībai nav tālruņa līnijas.',
    en: 'The unit has no phone line.',
  },
  feedback_honeypot: {
    lv: 'Šim laukam jāpaliek tukšam.',
    en: 'This field must stay empty.',
  },
  feedback_attachment_type: {
    lv: 'Pievienot var tikai PDF, JPEG vai PNG failus.',
    en: 'Only PDF, JPEG or PNG files can be attached.',
  },
  feedback_attachment_size: {
    lv: 'Katrs fails drīkst būt ne lielāks par {maximum} MB un nedrīkst būt tukšs.',
    en: 'Each file must be at most {maximum} MB and not empty.',
  },
  unknown_text_module_placeholder: {
    lv: 'Tekstā ir nezināms aizstājējs; var lietot {klients}, {numurs} un {termiņš}.',
    en: 'The text has an unknown placeholder; use {client}, {number} and {due}.',
  },
  unit_not_reporting: {
    lv: 'Šī struktūrvienība neapkalpo ārējos klientus un gada pārskatu neiesniedz.',
    en: 'This unit does not serve external clients and submits no yearly report.',
  },
} satisfies Record<string, Texts>;
export type FieldMessageCode = keyof typeof FIELD_MESSAGES;

/**
 * The words for the codes a message may quote ({from:requestState}), so that a clerk reads
 * "Atbildēts", not "answered"; the same words as the web app's.
 */
const TERMS = {
  requestState: {
    new: { lv: 'Jauns', en: 'New' },
    in_progress: { lv: 'Procesā', en: 'In progress' },
    waiting_client: { lv: 'Gaida klientu', en: 'Waiting for the client' },
    waiting_institution: { lv: 'Gaida iestādi', en: 'Waiting for an institution' },
    answered: { lv: 'Atbildēts', en: 'Answered' },
    closed: { lv: 'Slēgts', en: 'Closed' },
  },
  taskState: {
    planned: { lv: 'Plānots', en: 'Planned' },
    in_progress: { lv: 'Tiek izpildīts', en: 'In progress' },
    done: { lv: 'Izpildīts', en: 'Done' },
    cancelled: { lv: 'Atcelts', en: 'Cancelled' },
  },
  ideaState: {
    submitted: { lv: 'Iesniegts', en: 'Submitted' },
    under_review: { lv: 'Tiek izskatīts', en: 'Under review' },
    accepted: { lv: 'Pieņemts', en: 'Accepted' },
    rejected: { lv: 'Noraidīts', en: 'Rejected' },
    implemented: { lv: 'Ieviests', en: 'Implemented' },
  },
} satisfies Record<string, Record<string, Texts>>;

function interpolate(
  template: string,
  params: Record<string, string | number>,
  language: Language,
): string {
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, term?: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    const words: Record<string, Texts> | undefined =
      term && Object.hasOwn(TERMS, term) ? TERMS[term as keyof typeof TERMS] : undefined;
    return words && Object.hasOwn(words, value) ? (words[value]?.[language] ?? value) : value;
  });
}

export function titleOf(code: ErrorCode, language: Language): string {
  return TITLES[code][language];
}

export function detailOf(
  key: MessageKey,
  params: Record<string, string | number>,
  language: Language,
): string {
  return interpolate(DETAILS[key][language], params, language);
}

export function fieldMessageOf(
  code: FieldMessageCode,
  params: Record<string, string | number>,
  language: Language,
): string {
  return interpolate(FIELD_MESSAGES[code][language], params, language);
}

/**
 * Whether a custom validation message is one of ours (a code) rather than free text: a zod
 * schema's message is only known when it fails, so it is checked here, not by the compiler.
 */
export function isFieldMessageCode(code: string): code is FieldMessageCode {
  return Object.hasOwn(FIELD_MESSAGES, code);
}
