import type { Migration } from 'kysely';
import * as foundation from './0001_foundation';
import * as calendar from './0002_calendar';
import * as cases from './0003_cases';
import * as knowledge from './0004_knowledge';
import * as surveys from './0005_surveys';
import * as counter from './0006_counter';
import * as surveyIntegrity from './0007_survey_integrity';
import * as access from './0008_access';
import * as principalChanges from './0009_principal_changes';
import * as mail from './0010_mail';
import * as mailImport from './0011_mail_import';
import * as letters from './0012_letters';
import * as eAddressClients from './0013_e_address_clients';
import * as telephony from './0014_telephony';
import * as clientPhoneLookup from './0015_client_phone_lookup';
import * as recordingFetches from './0016_recording_fetches';
import * as servingVisitorLookup from './0017_serving_visitor_lookup';
import * as feedback from './0018_feedback';
import * as feedbackReference from './0019_feedback_reference';
import * as serverKeys from './0020_server_keys';
import * as controlLookups from './0021_control_lookups';
import * as feedbackSearch from './0022_feedback_search';
import * as telephonyTurns from './0023_telephony_turns';
import * as routingChanges from './0024_routing_changes';

/** Every migration, in order. Listed by hand so that a build never misses a file. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_calendar': calendar,
  '0003_cases': cases,
  '0004_knowledge': knowledge,
  '0005_surveys': surveys,
  '0006_counter': counter,
  '0007_survey_integrity': surveyIntegrity,
  '0008_access': access,
  '0009_principal_changes': principalChanges,
  '0010_mail': mail,
  '0011_mail_import': mailImport,
  '0012_letters': letters,
  '0013_e_address_clients': eAddressClients,
  '0014_telephony': telephony,
  '0015_client_phone_lookup': clientPhoneLookup,
  '0016_recording_fetches': recordingFetches,
  '0017_serving_visitor_lookup': servingVisitorLookup,
  '0018_feedback': feedback,
  '0019_feedback_reference': feedbackReference,
  '0020_server_keys': serverKeys,
  '0021_control_lookups': controlLookups,
  '0022_feedback_search': feedbackSearch,
  '0023_telephony_turns': telephonyTurns,
  '0024_routing_changes': routingChanges,
};
