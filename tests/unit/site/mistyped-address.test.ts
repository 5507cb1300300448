import {describe, expect, it} from 'vitest';
import {suggestedTroubleshootingTarget} from '../../../src/mistyped-address';
import type {MovedAnchor} from '../../../src/redirects';
import {
  commonTroubleshootingEntries,
  commonTroubleshootingIds,
  keptAnchors,
  troubleshootingEntries,
} from '../../../src/qbwc/troubleshooting';

const href = (path: string, moved?: readonly MovedAnchor[]) => suggestedTroubleshootingTarget(path, moved)?.href;

describe('suggestedTroubleshootingTarget: "Did you mean" on the page-not-found page', () => {
  it('reads an entry anchor or a code at the end of a wrong address', () => {
    expect(href('/docs/troubleshooting/qbwc1039')).toBe('/docs/troubleshooting#qbwc1039');
    expect(href('/docs/qbwc1039')).toBe('/docs/troubleshooting#qbwc1039');
    expect(href('/QBWC1039/')).toBe('/docs/troubleshooting#qbwc1039');
    expect(href('/docs/qbwc-1039')).toBe('/docs/troubleshooting#qbwc1039');
    expect(href('/docs/troubleshooting/0x80040408')).toBe('/docs/troubleshooting#hresult-0x80040408');
    expect(href('/docs/80040408.html')).toBe('/docs/troubleshooting#hresult-0x80040408');
    expect(href('/docs/msg-invalid-password?utm=x')).toBe('/docs/troubleshooting#msg-invalid-password');
    expect(suggestedTroubleshootingTarget('/docs/qbwc1039')?.entry?.title).toMatch(/^QBWC1039: /);
  });

  it('keeps a kept anchor as it was published: the page still has it, on the entry it was folded into', () => {
    for (const kept of keptAnchors) {
      const suggestion = suggestedTroubleshootingTarget(`/docs/troubleshooting/${kept.id}`);
      expect(suggestion?.href).toBe(`/docs/troubleshooting#${kept.id}`);
      expect(suggestion?.entry?.id).toBe(kept.entryId);
    }
  });

  it('follows a moved anchor to where it lives now', () => {
    const moved: MovedAnchor[] = [
      {path: '/docs/troubleshooting', from: 'old-1039', to: 'qbwc1039'},
      {path: '/docs/troubleshooting', from: 'went-away', to: '/docs/reauthorize#steps'},
    ];
    expect(suggestedTroubleshootingTarget('/docs/old-1039', moved)).toMatchObject({
      href: '/docs/troubleshooting#qbwc1039',
      entry: {id: 'qbwc1039'},
    });
    expect(suggestedTroubleshootingTarget('/docs/went-away', moved)).toEqual({href: '/docs/reauthorize#steps'});
  });

  it('suggests nothing for words that only look like part of a message, codes that do not exist, or broken escapes', () => {
    for (const path of [
      '/docs/foo',
      '/docs/none',
      '/docs/busy',
      '/docs/qbwc9999',
      '/docs/index',
      '/',
      '',
      '/docs/%E0%A4%A',
      '/docs/open',
    ]) {
      expect(href(path), path).toBeUndefined();
    }
  });
});

describe('commonTroubleshootingEntries', () => {
  it('are catalogue entries, in the listed order, each once', () => {
    expect(commonTroubleshootingEntries.map((entry) => entry.id)).toEqual(commonTroubleshootingIds);
    expect(new Set(commonTroubleshootingIds).size).toBe(commonTroubleshootingIds.length);
    for (const entry of commonTroubleshootingEntries) expect(troubleshootingEntries).toContain(entry);
  });
});
