import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../domain/channels';

/** The contact channels as options of a select. */
export function ChannelOptions() {
  const { t } = useTranslation();
  return CHANNELS.map((channel) => (
    <option key={channel} value={channel}>
      {t(`deadlines.channels.${channel}`)}
    </option>
  ));
}
