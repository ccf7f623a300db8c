import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import {
  type ProvinceDataKind,
  ProvinceDataStore,
  RosterStore,
} from '../../functions/adapters/province-data-store';
import type { RosterEntry } from '../../functions/domain/roster';
import { freshTable, localDynamoDbClient } from '../support/local-aws';

/** A data set of its own, to show what any kind gets from the one store. */
interface Note {
  code: string;
  id: string;
  text: string;
}
const noteKind: ProvinceDataKind<Note> = {
  type: 'note',
  pk: (code) => `NOTE#${code}`,
  sk: (n) => `N#${n.id}`,
  order: (a, b) => a.id.localeCompare(b.id),
};
const note = (code: string, id: string, text = `${code}/${id}`): Note => ({ code, id, text });

const doc = createDocumentClient(localDynamoDbClient());

describe('the province data store, one for roster, commitments and outreach', () => {
  it("lists each code's entries in the kind's order, code by code, without the item's keys", async () => {
    // Prepare
    const store = new ProvinceDataStore(noteKind, doc, await freshTable('pds'));
    // Act
    await store.replace([note('6302', 'b'), note('6301', 'c'), note('6302', 'a'), note('6301', 'a')]);
    // Assess
    expect(await store.listMany(['6302', '6301'])).toEqual([
      note('6302', 'a'),
      note('6302', 'b'),
      note('6301', 'a'),
      note('6301', 'c'),
    ]);
  });

  it('replaces the whole history of the codes a file names, leaves other codes alone, and changes nothing the second time', async () => {
    // Prepare
    const store = new ProvinceDataStore(noteKind, doc, await freshTable('pds'));
    await store.replace([note('6301', 'a'), note('6301', 'b'), note('6302', 'a')]);
    const file = [note('6301', 'b', 'changed'), note('6301', 'c')];
    // Act
    const first = await store.replace(file);
    const second = await store.replace(file);
    // Assess
    expect(first).toEqual({ written: 2, deleted: 1 });
    expect(second).toEqual({ written: 2, deleted: 0 });
    expect(await store.listMany(['6301', '6302'])).toEqual([...file, note('6302', 'a')]);
  });

  it('keeps two codes apart when their entries share a sort key: an appointment dropped from one regency goes', async () => {
    // Prepare: one person appointed admin of two regencies on the same day
    const store = new RosterStore(doc, await freshTable('pds'));
    const admin = (code: string): RosterEntry => ({
      code,
      role: 'admin',
      name: 'Admin Bersama',
      email: 'admin@bersama.example',
      from: '2026-01-01',
      decree: `SK ${code}`,
    });
    const head: RosterEntry = { ...admin('6301'), role: 'head', name: 'Bupati', email: 'b@a.example' };
    await store.replace([admin('6301'), admin('6302'), head]);
    // Act: the next file names both regencies, and 6301 no longer has that admin
    const result = await store.replace([admin('6302'), head]);
    // Assess
    expect(result).toEqual({ written: 2, deleted: 1 });
    expect(await store.listMany(['6301', '6302'])).toEqual([head, admin('6302')]);
  });
});
