import { useTranslation } from 'react-i18next';
import { LETTER_LANGUAGES } from '../../../domain/letters';

/** The languages a letter, a text module or a signature is written in, as a select's options. */
export function LetterLanguageOptions() {
  const { t } = useTranslation();
  return LETTER_LANGUAGES.map((language) => (
    <option key={language} value={language}>
      {t(`letters.languages.${language}`)}
    </option>
  ));
}
