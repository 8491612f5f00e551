import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import { cleanLogo } from './services/logo-file';

/** The municipality's report settings: name, administration, logo and the smallest group shown. */
export function indstillingerApi({ stores }: Services): NamespaceHandlers<'indstillinger'> {
  return {
    'indstillinger.get': () => stores.results.settings(),
    'indstillinger.gem': (settings) => {
      stores.results.saveSettings({ ...settings, logo: cleanLogo(settings.logo) });
      return stores.results.settings();
    },
  };
}
