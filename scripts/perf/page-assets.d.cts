import type {Browser} from '@playwright/test';

export interface PageAsset {
  url: string;
  type: 'js' | 'css';
  bytes: number;
}

export function pageAssets(
  browser: Browser,
  base: string,
  path: string,
  buildDir: string,
): Promise<{js: number; css: number; files: PageAsset[]}>;
