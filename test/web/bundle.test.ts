import { describe, expect, it } from 'vitest';
import { buildWebConsole } from '../../local/web-console.ts';
import { pageBundles } from '../../web/scripts/bundle-report.ts';

describe('the console’s bundle', () => {
  it('loads none of the officials’ code on the public pages (route-level code splitting)', async () => {
    const bundles = pageBundles(await buildWebConsole());

    const publicPages = bundles.filter((bundle) => !bundle.page.startsWith('/console'));
    expect(publicPages.map((bundle) => bundle.page)).toEqual([
      '/',
      '/complaint',
      '/track',
      '/survey/:token',
      '/inspections',
    ]);
    for (const bundle of publicPages) {
      expect(
        bundle.modules.filter((key) => key.startsWith('src/console/')),
        bundle.page,
      ).toEqual([]);
    }
    const ledger = bundles.find((bundle) => bundle.page === '/console');
    expect(ledger?.modules).toContain('src/console/ledger/LedgerPage.tsx');
    const survey = bundles.find((bundle) => bundle.page === '/survey/:token');
    expect(survey?.modules).toContain('src/public/SurveyPage.tsx');
  }, 60_000);
});
