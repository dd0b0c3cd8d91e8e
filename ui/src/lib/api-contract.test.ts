import type { z } from 'zod';
import apiContract from './api-contract.json';
import * as schemas from './api-schemas';

// api-contract.json is written from the server's OpenAPI document (and held to it by
// tests/Marquee.Server.Tests/Contract/ApiContractTests.cs): the zod schemas must name the same properties.
describe('API contract', () => {
  it.each(Object.entries(apiContract.schemas))('%s has the properties the server sends', (name, properties) => {
    const schema = (schemas as Record<string, unknown>)[name] as z.ZodObject<z.ZodRawShape> | undefined;
    expect(schema, `${name} is not exported from api-schemas.ts`).toBeDefined();
    expect(Object.keys(schema!.shape).sort()).toEqual([...properties].sort());
  });
});
