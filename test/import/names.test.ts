import { describe, expect, it } from 'vitest';
import { NameBook, tidyName } from '../../src/import/names.js';

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

describe('names', () => {
  it.each([
    ['frontend', 'frontend'],
    ['consulClient', 'consul-client'],
    ['web_App', 'web-app'],
    ['my.app.v2', 'my-app-v2'],
    ['HTTPServer', 'http-server'],
    ['  Checkout API  ', 'checkout-api'],
    ['--a--b--', 'a-b'],
    ['ecs-cwagent-sidecar-fargate', 'ecs-cwagent-sidecar-fargate'],
    ['日本', 'workload'],
    ['', 'workload'],
  ])('%s → %s', (raw, tidy) => {
    expect(tidyName(raw)).toBe(tidy);
    expect(tidyName(raw)).toMatch(NAME);
  });

  it('cuts long names to 63 characters without a trailing dash', () => {
    const name = tidyName(`${'a'.repeat(62)}-b-c`);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(NAME);
  });

  it('keeps names unique, also when cut', () => {
    const book = new NameBook();
    expect(book.claim('api')).toBe('api');
    expect(book.claim('API')).toBe('api-2');
    expect(book.claim('api')).toBe('api-3');
    const long = 'x'.repeat(70);
    const a = book.claim(long);
    const b = book.claim(long);
    expect(a).not.toBe(b);
    expect(b).toMatch(NAME);
    expect(b.length).toBeLessThanOrEqual(63);
  });
});
