import 'i18next';
import type { Messages } from './lv';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}
