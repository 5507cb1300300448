import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

/*
 * The drift guard. Each procedure several pages share (the approval windows, opening Integrated
 * Applications, single- and multi-user mode, the password, an update by hand) is written once, in
 * docs/_partials. A page that needs it imports the partial; a page that writes the steps out by hand
 * sooner or later disagrees with the others. Each procedure has signature phrases (a window name, a
 * menu command, the exact wording of a step) that only its partial may contain.
 */
const root = join(__dirname, '..', '..', '..');
const partialsDir = join(root, 'docs', '_partials');

interface Procedure {
  partial: string;
  /** Text that only this procedure's steps contain; any of it outside docs/_partials is a restatement. */
  signatures: RegExp[];
}

const procedures: Procedure[] = [
  {partial: '_add-application.mdx', signatures: [/Authorize New Web Service/]},
  {partial: '_approve-access.mdx', signatures: [/Continue\.\.\./, /\*\*Continue\b/, /<strong>Continue/, /Access Confirmation/]},
  {partial: '_open-integrated-applications.mdx', signatures: [/Edit\s*(>|&gt;|›)\s*Preferences/, /\*\*Company Preferences\*\*/]},
  {partial: '_single-user-mode.mdx', signatures: [/Switch to Single-user Mode/i]},
  {partial: '_multi-user-mode.mdx', signatures: [/Switch to Multi-user Mode/i]},
  {
    partial: '_enter-password.mdx',
    signatures: [
      /click (on )?the (blank |empty )?(\*\*|<strong>)Password(\*\*|<\/strong>) cell/i,
      /\bYes\W{0,12}(to|when asked to) save\b/i,
      /asks whether to save the password/i,
    ],
  },
  {partial: '_update-selected.mdx', signatures: [/\btick\b[^.\n]{0,80}\bUpdate Selected\b/i, /\*\*Last Result\*\* cell/]},
];

/** Pages whose readers go through an approval: each must render the shared approval steps. */
const approvalPages = [
  'docs/setup/configure-connector.mdx',
  'docs/reauthorize.mdx',
  'docs/troubleshooting.mdx',
  'blog/2023-07-05-connector-certificate-expiry.mdx',
  'src/components/ConnectionFlow/AddApplicationStep.tsx',
];

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const pages = [
  ...filesUnder(join(root, 'docs'), /\.mdx?$/).filter((file) => !file.startsWith(partialsDir)),
  ...filesUnder(join(root, 'blog'), /\.mdx?$/),
  // The drawings show the windows' own labels (a Continue... button), not the steps.
  ...filesUnder(join(root, 'src'), /\.tsx?$/).filter((file) => !file.includes(join('components', 'DialogIllustrations'))),
].map((file) => ({name: relative(root, file), text: readFileSync(file, 'utf8')}));

/** The partials a page imports and renders, as file names inside docs/_partials. */
function renderedPartials(name: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/^import\s+(\w+)\s+from\s+'([^']+_partials\/(_[\w-]+\.mdx))';/gm)) {
    const [, component = '', source = '', file = ''] = match;
    const target = source.startsWith('@site/')
      ? join(root, source.slice('@site/'.length))
      : resolve(dirname(join(root, name)), source);
    if (target === join(partialsDir, file) && new RegExp(`<${component}\\s*/>`).test(text)) found.push(file);
  }
  return found;
}

describe('each shared procedure', () => {
  it.each(procedures.map((p) => [p.partial, p]))('%s exists and holds its own signature phrases', (_name, procedure) => {
    const path = join(partialsDir, procedure.partial);
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(procedure.signatures.filter((signature) => signature.test(text)).length).toBeGreaterThan(0);
  });
});

describe('no page restates a shared procedure by hand', () => {
  it('finds the pages to check', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(procedures.map((p) => [p.partial, p]))('only %s contains its steps', (_name, procedure) => {
    const restated = pages.flatMap(({name, text}) =>
      text
        .split('\n')
        .map((line, index) => ({line, index}))
        .filter(({line}) => procedure.signatures.some((signature) => signature.test(line)))
        .map(({line, index}) => `${name}:${index + 1}: ${line.trim().slice(0, 120)}`),
    );
    expect(restated).toEqual([]);
  });
});

describe('pages that walk through an approval render the shared steps', () => {
  it.each(approvalPages)('%s renders _approve-access.mdx', (name) => {
    const text = readFileSync(join(root, name), 'utf8');
    expect(renderedPartials(name, text)).toContain('_approve-access.mdx');
  });

  it('the /connect flow shows the same add-the-file steps as the setup guide', () => {
    const flow = 'src/components/ConnectionFlow/AddApplicationStep.tsx';
    const guide = 'docs/setup/configure-connector.mdx';
    expect(renderedPartials(flow, readFileSync(join(root, flow), 'utf8'))).toContain('_add-application.mdx');
    expect(renderedPartials(guide, readFileSync(join(root, guide), 'utf8'))).toContain('_add-application.mdx');
  });
});

describe('the test itself', () => {
  it('catches a hand-written approval step', () => {
    const approval = procedures.find((p) => p.partial === '_approve-access.mdx');
    const line = '5. Click **Continue...**, then **Yes**, then **Done**.';
    expect(approval?.signatures.some((signature) => signature.test(line))).toBe(true);
  });

  it('only counts a partial that is imported from docs/_partials and rendered', () => {
    const text = "import ApproveAccess from '../_partials/_approve-access.mdx';\n\nNo tag here.";
    expect(renderedPartials('docs/setup/x.mdx', text)).toEqual([]);
    expect(renderedPartials('docs/setup/x.mdx', `${text}\n\n<ApproveAccess />`)).toEqual(['_approve-access.mdx']);
  });
});
