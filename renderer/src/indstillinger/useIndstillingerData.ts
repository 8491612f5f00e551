import { useCallback, useEffect, useState } from 'react';
import type { DatabaseList } from '../../../shared/api/contract';
import type { BackupInfo } from '../../../shared/domain/backup';
import { formatDanishDateTime } from '../../../shared/domain/dates';
import type { ReportSettings } from '../../../shared/domain/reports';
import { api } from '../api';
import { fieldErrorsOf, messageOf } from '../errors';
import { isCancelled, tracked } from '../tasks';

/** The indstillinger feature's calls: the reports' settings, the database file, and the backup copies. */

type Outcome = { ok: boolean; text: string };

/** The municipality's name and logo and the committee report's smallest group, edited here and saved on request. */
export function useReportSettings() {
  const [settings, setSettings] = useState<ReportSettings>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Outcome>();

  useEffect(() => {
    api.call('indstillinger.get', {}).then(setSettings, (err) => setStatus({ ok: false, text: messageOf(err) }));
  }, []);

  const save = async () => {
    if (!settings) return;
    setErrors({});
    try {
      setSettings(await api.call('indstillinger.gem', settings));
      setStatus({ ok: true, text: '✓ Indstillingerne er gemt' });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length > 0) setErrors(fields);
      setStatus({ ok: false, text: messageOf(err) });
    }
  };
  return { settings, setSettings, errors, setErrors, status, save };
}

/** Which database file is open, the files opened before, and opening another. */
export function useDatabaseFiles() {
  const [list, setList] = useState<DatabaseList>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.call('app.databaser', {}).then(setList, (err) => setError(messageOf(err)));
  }, []);

  const open = async (path: string) => {
    setError(undefined);
    try {
      await api.call('app.aabnDatabase', { path });
      // Everything on screen belonged to the other file: start over from the list of tilsyn.
      window.location.hash = '#/';
      window.location.reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  /** Desktop: the native dialog, then the file it chose (nothing when the leader cancels). */
  const choose = async (hvad: 'database' | 'ny_database') => {
    setError(undefined);
    try {
      const { sti } = await api.call('app.vaelgSti', { hvad });
      if (sti) await open(sti);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return { list, error, open, choose };
}

/** The database's backup copies: listed, taken on request, and restored on request. */
export function useBackups() {
  const [backups, setBackups] = useState<BackupInfo[]>();
  const [message, setMessage] = useState<Outcome>();

  const load = useCallback(
    () =>
      api.call('sikkerhedskopi.list', {}).then(setBackups, (err) => setMessage({ ok: false, text: messageOf(err) })),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const after = async (task: () => Promise<string>) => {
    try {
      setMessage({ ok: true, text: await task() });
      await load();
    } catch (err) {
      setMessage(isCancelled(err) ? undefined : { ok: false, text: messageOf(err) });
    }
  };
  return {
    backups,
    message,
    take: () =>
      after(async () => {
        const b = await tracked('Tager en sikkerhedskopi', (id) => api.track('sikkerhedskopi.tag', {}, id));
        return `✓ Sikkerhedskopi taget kl. ${formatDanishDateTime(b.createdAt).split(' kl. ')[1]}`;
      }),
    restore: (fileName: string) =>
      after(
        async () =>
          (await tracked('Gør gendannelsen klar', (id) => api.track('sikkerhedskopi.gendan', { fileName }, id)))
            .message,
      ),
  };
}
