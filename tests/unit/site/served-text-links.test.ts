// A click on a link in served text (src/components/ServedText) moves within the site only when
// the browser would have opened a page of this site in the same tab; everything else is left to
// the browser, as the site's own links do.
import {describe, expect, it} from 'vitest';
import {sitePagePath, type LinkClick} from '../../../src/components/ServedText/site-link';

const PAGE = 'https://help.example/docs/troubleshooting';

function click(href: string, over: Partial<LinkClick> = {}): LinkClick {
  return {href, target: '', download: false, button: 0, modifier: false, defaultPrevented: false, ...over};
}

describe('sitePagePath', () => {
  it('moves to another page of the site, keeping its query and entry', () => {
    expect(sitePagePath(click('https://help.example/docs/reauthorize'), PAGE)).toBe('/docs/reauthorize');
    expect(sitePagePath(click('https://help.example/docs/tools/qwc-generator?from=1#fields'), PAGE)).toBe(
      '/docs/tools/qwc-generator?from=1#fields',
    );
    expect(sitePagePath(click('/docs/setup/configure-connector#password'), PAGE)).toBe(
      '/docs/setup/configure-connector#password',
    );
  });

  it('leaves an entry on the same page to the browser, which scrolls to it', () => {
    expect(sitePagePath(click('https://help.example/docs/troubleshooting#qbwc1039'), PAGE)).toBeNull();
    expect(sitePagePath(click('#qbwc1039'), `${PAGE}#qbwc1041`)).toBeNull();
  });

  it('moves to the same page without an entry, as a link to the page top does', () => {
    expect(sitePagePath(click('https://help.example/docs/troubleshooting'), `${PAGE}#qbwc1039`)).toBe('/docs/troubleshooting');
  });

  it('leaves another site, a file and a download to the browser', () => {
    expect(sitePagePath(click('https://quickbooks.example/docs/reauthorize'), PAGE)).toBeNull();
    expect(sitePagePath(click('http://help.example/docs/reauthorize'), PAGE)).toBeNull();
    expect(sitePagePath(click('https://help.example/docs/troubleshooting.md'), PAGE)).toBeNull();
    expect(sitePagePath(click('https://help.example/img/logo.svg'), PAGE)).toBeNull();
    expect(sitePagePath(click('https://help.example/docs/reauthorize', {download: true}), PAGE)).toBeNull();
    expect(sitePagePath(click('mailto:support@help.example'), PAGE)).toBeNull();
  });

  it('leaves a new tab, a modified or other-button click and a handled click to the browser', () => {
    const href = 'https://help.example/docs/reauthorize';
    expect(sitePagePath(click(href, {target: '_blank'}), PAGE)).toBeNull();
    expect(sitePagePath(click(href, {target: '_self'}), PAGE)).toBe('/docs/reauthorize');
    expect(sitePagePath(click(href, {modifier: true}), PAGE)).toBeNull();
    expect(sitePagePath(click(href, {button: 1}), PAGE)).toBeNull();
    expect(sitePagePath(click(href, {defaultPrevented: true}), PAGE)).toBeNull();
  });

  it('leaves an address it cannot read to the browser', () => {
    expect(sitePagePath(click('http://[not a host'), PAGE)).toBeNull();
  });
});
