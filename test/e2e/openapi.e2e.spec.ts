import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../../src/app';
import { TestApi } from '../support/api';

it('dump', async () => {
  const api = await TestApi.start();
  writeFileSync('/tmp/oa/doc.json', JSON.stringify(openApiDocument(api.app), null, 2));
  const r = await api.http().get('/docs/openapi.json');
  writeFileSync('/tmp/oa/served.json', JSON.stringify(r.body, null, 2));
  await api.stop();
});
