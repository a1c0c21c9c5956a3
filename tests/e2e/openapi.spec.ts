import SwaggerParser from '@apidevtools/swagger-parser';
import { test, expect } from './fixtures';

test('the API document is valid OpenAPI 3.1', async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json');
  expect(response.ok()).toBeTruthy();
  const document = await response.json();
  expect(document.openapi).toMatch(/^3\.1\./);
  // Throws with the first schema violation when the document is not valid.
  await SwaggerParser.validate(structuredClone(document));
  expect(Object.keys(document.paths)).toContain('/api/v1/referrals/{id}/accept');
});
