import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { NumberField } from '../components/Select';
import { TextField } from '../components/TextField';
import { fileToBase64 } from '../files';
import { BackupPanel } from './BackupPanel';
import { DatabasePanel } from './DatabasePanel';
import './indstillinger.css';
import { useReportSettings } from './useIndstillingerData';

const LOGO_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/svg+xml': 'svg+xml' };

/** The municipality's name and logo on the reports, and how small a group the committee report may show. */
export function IndstillingerScreen() {
  const { settings, setSettings, errors, setErrors, status, save } = useReportSettings();
  if (!settings) return <p>Henter indstillingerne …</p>;

  const chooseLogo = async (file: File | undefined) => {
    if (!file) return;
    const type = LOGO_TYPES[file.type];
    if (!type) return setErrors({ logo: 'Logoet skal være en PNG-, JPEG- eller SVG-fil' });
    if (file.size > 1_500_000) return setErrors({ logo: 'Logoet er for stort (højst 1,5 MB)' });
    setErrors({});
    setSettings({ ...settings, logo: `data:image/${type};base64,${await fileToBase64(file)}` });
  };

  return (
    <section>
      <PageTitle>Indstillinger</PageTitle>
      <p className="font-lead">Kommunens navn og logo står på forsiden af rapporten til udvalget og på notaterne.</p>
      <TextField
        id="kommune"
        label="Kommune"
        value={settings.kommune}
        onChange={(kommune) => setSettings({ ...settings, kommune })}
        error={errors.kommune}
      />
      <TextField
        id="forvaltning"
        label="Forvaltning eller afdeling"
        value={settings.forvaltning}
        onChange={(forvaltning) => setSettings({ ...settings, forvaltning })}
        error={errors.forvaltning}
      />
      <div className={`form-group${errors.logo ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="logo">
          Logo <span className="optional">(PNG, JPEG eller SVG)</span>
        </label>
        {errors.logo && <span className="form-error-message">{errors.logo}</span>}
        {settings.logo && <img className="logo-preview" src={settings.logo} alt="Kommunens logo" />}
        <input
          id="logo"
          type="file"
          accept="image/png,image/jpeg,image/svg+xml"
          onChange={(e) => chooseLogo(e.target.files?.[0])}
        />
        {settings.logo && (
          <button type="button" className="link-button" onClick={() => setSettings({ ...settings, logo: null })}>
            Fjern logoet
          </button>
        )}
      </div>
      <NumberField
        id="minCell"
        label="Mindste antal sager, et spørgsmål skal have været relevant i, før det vises i rapporten til udvalget"
        value={settings.minCell}
        onChange={(minCell) => setSettings({ ...settings, minCell })}
        error={errors.minCell}
      />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={save}>
          Gem indstillingerne
        </button>
      </div>
      {status &&
        (status.ok ? (
          <p className="save-indicator saved">{status.text}</p>
        ) : (
          <Alert kind="error">
            <p className="alert-text">{status.text}</p>
          </Alert>
        ))}
      <DatabasePanel />
      <BackupPanel />
    </section>
  );
}
