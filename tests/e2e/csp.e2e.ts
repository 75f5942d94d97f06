import { describe, expect, it } from 'vitest';
import { articleLink, openSynced, useSession, waitForStatus } from './harness';

const session = useSession();

describe('Content-Security-Policy', () => {
  it('is sent with the page and in it, with the directives the app needs', async () => {
    const { server } = session();
    const response = await fetch(`${server.base}/`);
    const header = response.headers.get('content-security-policy') ?? '';
    expect(header).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) {
      expect(header).toContain(directive);
    }
    const html = await response.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src /);
  });

  it('is never violated during normal use, online and offline', async () => {
    const { page, context, server } = session();
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const violations: string[] = [];
    const collect = async () => {
      violations.push(
        ...(await page.evaluate(
          () => (window as unknown as { cspViolations: string[] }).cspViolations,
        )),
      );
    };
    await openSynced(session());
    await collect();

    await articleLink(page, 'The Truth about US troop Pullout from Iraq!').click();
    await page.locator('div.body p').first().waitFor();
    await page.locator('figure img').evaluate((img: HTMLImageElement) => img.decode());
    await page.locator('[data-action="bookmark"]').first().click();
    await page.getByRole('link', { name: 'Side by side' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await collect();

    await page.goto(`${server.base}/settings`);
    await page.getByRole('radio', { name: 'Dark', exact: true }).check();
    await page.goto(`${server.base}/bookmarks`);
    await page.getByRole('heading', { level: 1, name: 'Bookmarks' }).waitFor();
    await collect();

    await context.setOffline(true);
    await page.goto(`${server.base}/?c=iraq`);
    await waitForStatus(page, 'offline');
    await collect();
    expect(violations).toEqual([]);
  });
});
