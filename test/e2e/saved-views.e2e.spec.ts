import { bearer, TestApi, type Caller } from '../support/api';

const frida: Caller = { roles: ['handlaggare'], tenant: 'osteraker', sub: 'frida', name: 'Frida Larsson' };
const olle: Caller = { roles: ['namndsekreterare'], tenant: 'osteraker', sub: 'olle', name: 'Olle Ek' };
const admin: Caller = { roles: ['admin'], tenant: 'osteraker', sub: 'ada', name: 'Ada Admin' };
const auditor: Caller = { roles: ['auditor'], tenant: 'osteraker', sub: 'rut', name: 'Rut Revisor' };
const representative: Caller = { roles: ['organisation'], tenant: 'osteraker', sub: 'anna', name: 'Anna Berg', org: '802478-9128' };
const elsewhere: Caller = { roles: ['handlaggare'], tenant: 'linkoping', sub: 'frida', name: 'Frida Larsson' };

const view = (overrides: Record<string, unknown> = {}) => ({
  name: 'På dagordningen',
  shared: false,
  query: { state: 'decision', closed: 'false' },
  columns: ['diarienummer', 'organisationName', 'stateLabel'],
  ...overrides,
});

describe('saved views (/views)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  const send = async (caller: Caller, method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object, headers: Record<string, string> = {}) => {
    const http = api.http();
    const request = http[method](path)
      .set(await bearer(caller))
      .set(headers);
    return body === undefined ? request : request.send(body);
  };

  it('saves a personal view with a stable id, its query and columns, and gives it back by that id with its version as ETag', async () => {
    const created = await send(frida, 'post', '/views', view());
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'På dagordningen',
      shared: false,
      query: { state: 'decision', closed: 'false' },
      columns: ['diarienummer', 'organisationName', 'stateLabel'],
      owner: { id: 'frida', name: 'Frida Larsson' },
      mayChange: true,
      version: 1,
    });
    const read = await send(frida, 'get', `/views/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it("keeps a personal view from everyone else: another official, an admin, another tenant's official with the same id — all get 404", async () => {
    const { body } = await send(frida, 'post', '/views', view({ name: 'Mina' }));
    for (const other of [olle, admin, elsewhere]) {
      const read = await send(other, 'get', `/views/${body.id}`);
      expect(read.status).toBe(404);
      expect(read.body.code).toBe('VIEW_NOT_FOUND');
      expect((await send(other, 'get', '/views')).body.items.map((v: { id: string }) => v.id)).not.toContain(body.id);
      expect((await send(other, 'delete', `/views/${body.id}`)).status).toBe(404);
    }
    expect((await send(frida, 'get', `/views/${body.id}`)).status).toBe(200);
  });

  it("shows a shared view to the tenant's officials, auditors included, but not to an organisation's representative or another tenant", async () => {
    const { body } = await send(frida, 'post', '/views', view({ name: 'Teamets beslut', shared: true }));
    for (const official of [olle, auditor, admin]) {
      const read = await send(official, 'get', `/views/${body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: body.id, shared: true, owner: { id: 'frida' } });
    }
    expect((await send(olle, 'get', `/views/${body.id}`)).body.mayChange).toBe(false);
    expect((await send(admin, 'get', `/views/${body.id}`)).body.mayChange).toBe(true);
    expect((await send(representative, 'get', `/views/${body.id}`)).status).toBe(404);
    expect((await send(elsewhere, 'get', `/views/${body.id}`)).status).toBe(404);
    expect((await send(olle, 'get', '/views')).body.items.map((v: { id: string }) => v.id)).toContain(body.id);
  });

  it('lets only the owner change a view (an admin may tidy a shared one); others get 403 and the view is unchanged', async () => {
    const { body } = await send(frida, 'post', '/views', view({ name: 'Delad', shared: true }));
    const refused = await send(olle, 'put', `/views/${body.id}`, view({ name: 'Kapad', shared: true }));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('VIEW_NOT_OWNED');
    expect((await send(olle, 'delete', `/views/${body.id}`)).body.code).toBe('VIEW_NOT_OWNED');
    expect((await send(frida, 'get', `/views/${body.id}`)).body).toMatchObject({ name: 'Delad', version: 1 });

    const changed = await send(frida, 'put', `/views/${body.id}`, view({ name: 'Delad, ändrad', shared: true, columns: ['diarienummer'] }), {
      'If-Match': '"1"',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: body.id, name: 'Delad, ändrad', columns: ['diarienummer'], version: 2 });
    expect(changed.headers.etag).toBe('"2"');
    expect((await send(admin, 'delete', `/views/${body.id}`)).body).toEqual({ id: body.id });
    expect((await send(frida, 'get', `/views/${body.id}`)).status).toBe(404);
  });

  it('refuses a change made against an older version with 412 and keeps the newer one', async () => {
    const { body } = await send(frida, 'post', '/views', view({ name: 'Version' }));
    await send(frida, 'put', `/views/${body.id}`, view({ name: 'Version 2' }), { 'If-Match': '"1"' });
    const stale = await send(frida, 'put', `/views/${body.id}`, view({ name: 'Version från gammal flik' }), { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VIEW_CHANGED');
    expect((await send(frida, 'delete', `/views/${body.id}`, undefined, { 'If-Match': '"1"' })).status).toBe(412);
    expect((await send(frida, 'get', `/views/${body.id}`)).body.name).toBe('Version 2');
  });

  it("lets an organisation's representative keep personal views but not share them", async () => {
    const personal = await send(representative, 'post', '/views', view({ name: 'Våra ärenden', query: {} }));
    expect(personal.status).toBe(201);
    const shared = await send(representative, 'post', '/views', view({ name: 'Delad', shared: true }));
    expect(shared.status).toBe(403);
    expect(shared.body.code).toBe('VIEW_NOT_SHAREABLE');
    expect((await send(representative, 'get', '/views')).body.items.map((v: { name: string }) => v.name)).toEqual(['Våra ärenden']);
  });

  it('checks the query as GET /cases checks it, and the columns against the list’s, and stores nothing it refuses', async () => {
    const before = (await send(frida, 'get', '/views')).body.items.length;
    const cases = [
      view({ query: { organisation: '123' } }),
      view({ query: { nosuch: 'x' } }),
      view({ query: { closed: true } }),
      view({ query: { limit: '5000' } }),
      view({ columns: ['password'] }),
      view({ name: '   ' }),
      { ...view(), extra: 1 },
    ];
    for (const body of cases) {
      const refused = await send(frida, 'post', '/views', body);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await send(frida, 'get', '/views')).body.items.length).toBe(before);
  });

  it('answers 404 for an id that is not a UUID', async () => {
    const read = await send(frida, 'get', '/views/not-a-view');
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('VIEW_NOT_FOUND');
  });
});
