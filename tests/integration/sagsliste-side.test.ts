import { describe, expect, it } from 'vitest';
import { hookTestApi } from '../support/hooks';
import { caseRows, importCaseList } from '../support/scenario';
import { validTilsynInput } from '../support/temp';

// Issues #17/#18: the Sagsliste screen showed 200 sager but was sent every one (17 MB for 50,000). It now asks for a
// page, searched in the backend as the screen searched: any of the four facts, case aside, Danish letters too.
const backend = hookTestApi('each', { file: 'side.db' });
const { api } = backend;

async function listOf(count: number) {
  const { id: tilsynId } = await api.call('tilsyn.create', validTilsynInput);
  const rows = caseRows(count, { caseworkers: ['Åse Ørum', 'Bo Nielsen', 'Camilla Dahl'], teams: ['Nord', 'Syd'] });
  await importCaseList(api, tilsynId, rows);
  return { tilsynId, rows };
}

describe('a page of the sagsliste', () => {
  it('gives the sager in the list’s order from where asked, with how many there are', async () => {
    const { tilsynId, rows } = await listOf(450);
    const first = await api.call('population.side', { tilsynId });
    expect(first).toMatchObject({ total: 450, fundet: 450 });
    expect(first.sager).toHaveLength(200);
    expect(first.sager.map((s) => s.sagsnummer)).toEqual(rows.slice(0, 200).map((r) => r.sagsnummer));
    const last = await api.call('population.side', { tilsynId, fra: 400 });
    expect(last.sager.map((s) => s.sagsnummer)).toEqual(rows.slice(400).map((r) => r.sagsnummer));
    expect((await api.call('population.side', { tilsynId, fra: 1000 })).sager).toEqual([]);
    // A page's sager are the list's, fact for fact.
    const all = await api.call('population.sager', { tilsynId });
    expect(last.sager).toEqual(all.slice(400));
  });

  it('searches the four facts, case aside (»ørum« finds »Åse Ørum«), and pages what it found', async () => {
    const { tilsynId, rows } = await listOf(300);
    const ose = rows.filter((r) => r.sagsbehandler === 'Åse Ørum').map((r) => r.sagsnummer);
    const found = await api.call('population.side', { tilsynId, soeg: '  ØRUM ', antal: 50 });
    expect(found).toMatchObject({ total: 300, fundet: ose.length });
    expect(found.sager.map((s) => s.sagsnummer)).toEqual(ose.slice(0, 50));
    const next = await api.call('population.side', { tilsynId, soeg: 'ørum', fra: 50, antal: 50 });
    expect(next.sager.map((s) => s.sagsnummer)).toEqual(ose.slice(50, 100));
    expect((await api.call('population.side', { tilsynId, soeg: 'syd' })).fundet).toBe(
      rows.filter((r) => r.team === 'Syd').length,
    );
    expect((await api.call('population.side', { tilsynId, soeg: '2026-01' })).fundet).toBe(10); // 2026-010 … 2026-019
    // Wildcards of SQL mean nothing here.
    expect((await api.call('population.side', { tilsynId, soeg: '%' })).fundet).toBe(0);
    expect((await api.call('population.side', { tilsynId, soeg: '_' })).fundet).toBe(0);
    // Full-width letters typed, or a name written with look-alikes, find the same sager.
    expect((await api.call('population.side', { tilsynId, soeg: 'ØＲＵＭ' })).fundet).toBe(ose.length);
    // A CPR-like search is refused, and said as a search, not as something saved.
    await expect(api.call('population.side', { tilsynId, soeg: '0101901234' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Søgningen indeholder noget, der ligner et CPR-nummer. Fjern det, før der søges.',
    });
  });

  it('is empty before a list is imported, and refuses an unknown tilsyn and a page too large in Danish', async () => {
    const { id: tilsynId } = await api.call('tilsyn.create', validTilsynInput);
    expect(await api.call('population.side', { tilsynId })).toEqual({ sager: [], fundet: 0, total: 0 });
    await expect(api.call('population.side', { tilsynId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.call('population.side', { tilsynId, antal: 5000 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
