import {useCallback, useEffect, useId, useMemo, useState, type ReactNode} from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useBranding from '@site/src/components/kit/useBranding';
import CodePreview from '@site/src/components/CodePreview';
import {
  QWC_MIME_TYPE,
  QWC_SCHEMA,
  SCHEDULER_UNITS,
  buildQwc,
  newGuid,
  qwcElement,
  qwcFileName,
  type QwcIssue,
  type QwcModel,
} from '../../qbwc/qwc';
import {
  FIELD_CHOICES,
  applyFix,
  brandedDefaultModel,
  controlId,
  countIssues,
  isBooleanField,
  firstErrorField,
  formToModel,
  initialModel,
  issuesByField,
  modelToForm,
  shareLink,
  summarizeIssues,
  validateForm,
  type BooleanField,
  type QwcFormValues,
  type TextField,
} from './form-state';
import FieldRow, {type ControlProps} from './FieldRow';
import Inspector from './Inspector';
import IssueList from './IssueList';
import WidgetErrorBoundary from '../kit/WidgetErrorBoundary';
import {downloadText} from '../kit/download';
import kit from '../kit/kit.module.css';
import styles from './styles.module.css';
import {copyText} from '../kit/clipboard';
import AfterFrame, {InOwnTask} from '../kit/AfterFrame';
import {TOOL_MIN_HEIGHT} from './tool-height';

const STORAGE_KEY = 'qbwc-help:qwc-generator';
const GENERATOR_PATH = '/docs/tools/qwc-generator';
const NO_ISSUES: readonly QwcIssue[] = [];

interface Props {
  /** Heading level of the tool's sections, to fit the page it is embedded in. */
  headingLevel?: 2 | 3;
}

function readStoredValues(): QwcFormValues | undefined {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return undefined;
    const values = JSON.parse(stored) as QwcFormValues;
    return typeof values?.text?.appName === 'string' && typeof values.booleans === 'object' ? values : undefined;
  } catch {
    return undefined;
  }
}

/** A value that settles: screen readers hear the summary once typing pauses, not on each key. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function QwcGeneratorTool({headingLevel = 3}: Props): ReactNode {
  const branding = useBranding();
  const generatorPath = useBaseUrl(GENERATOR_PATH);
  const idPrefix = `qwc${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4';

  const defaults = useCallback(() => brandedDefaultModel(branding, window.location.origin), [branding]);
  const [start] = useState(() => {
    const fromAddress = initialModel(window.location.search, defaults());
    if (fromAddress.fromLink)
      return {
        values: modelToForm(fromAddress.model),
        holds: 'the values from the shared link',
        note: 'The form holds the values from the shared link.',
      };
    const stored = readStoredValues();
    return stored
      ? {
          values: stored,
          holds: 'the values it had before the page was reloaded',
          note: 'The form holds the values it had before the page was reloaded. Choose Start over for the defaults.',
        }
      : {values: modelToForm(fromAddress.model), holds: 'the default values', note: ''};
  });
  const [values, setValues] = useState<QwcFormValues>(start.values);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [actionStatus, setActionStatus] = useState(start.note);
  // Where the form's values came from, and whether they were changed since: said when a file cannot replace them.
  const [holds, setHolds] = useState(start.holds);
  const [edited, setEdited] = useState(false);
  const [focusTarget, setFocusTarget] = useState<keyof QwcModel | null>(null);

  useEffect(() => {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(values));
    } catch {
      // Storage may be off (private mode); the form still works, it just won't survive a reload.
    }
  }, [values]);

  const model = useMemo(() => formToModel(values), [values]);
  const xml = useMemo(() => buildQwc(model), [model]);
  const issues = useMemo(() => validateForm(values), [values]);
  const grouped = useMemo(() => issuesByField(issues), [issues]);
  const counts = countIssues(issues);
  const summary = summarizeIssues(issues);
  const settledSummary = useSettled(summary, 700);
  const fileName = qwcFileName(values.text.appName);
  const blocked = counts.errors > 0;

  // Focus after render, so a field inside a just-opened <details> is focusable.
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(controlId(idPrefix, focusTarget))?.focus();
    setFocusTarget(null);
  }, [focusTarget, idPrefix]);

  const goToField = useCallback((field: keyof QwcModel) => {
    if (qwcElement(field).advanced) setAdvancedOpen(true);
    setFocusTarget(field);
  }, []);

  /** Every change the user makes: the last action's status (e.g. "Copied a link") no longer describes the form. */
  const edit = (update: (current: QwcFormValues) => QwcFormValues) => {
    setValues(update);
    setEdited(true);
    setActionStatus('');
  };
  const setText = (field: TextField, value: string) => edit((current) => ({...current, text: {...current.text, [field]: value}}));
  const setBoolean = (field: BooleanField, value: QwcFormValues['booleans'][BooleanField]) =>
    edit((current) => ({...current, booleans: {...current.booleans, [field]: value}}));
  const fix = (change: Partial<QwcModel>) => {
    edit((current) => applyFix(current, change));
    setActionStatus('Fix applied.');
  };

  const loadModel = useCallback((loaded: QwcModel, openAdvanced: boolean, source: string) => {
    setValues(modelToForm(loaded));
    setHolds(`the values from ${source}`);
    setEdited(false);
    setActionStatus('');
    if (openAdvanced) setAdvancedOpen(true);
  }, []);

  function refuseWhileInvalid(action: string): boolean {
    if (!blocked) return false;
    const field = firstErrorField(issues);
    setActionStatus(`Cannot ${action} yet: ${summary}. Fix the errors first; focus moved to the first one.`);
    if (field) goToField(field);
    return true;
  }

  function download() {
    if (refuseWhileInvalid('download the file')) return;
    downloadText(xml, fileName, QWC_MIME_TYPE);
    setActionStatus(`Downloaded ${fileName}.`);
  }

  async function copyFile() {
    if (refuseWhileInvalid('copy the file')) return;
    setActionStatus(
      (await copyText(xml))
        ? 'Copied the file to the clipboard.'
        : 'Copying was blocked by the browser: select the text in the preview and press Ctrl+C.',
    );
  }

  async function copyShareLink() {
    const link = shareLink(values, window.location.origin, generatorPath);
    setActionStatus(
      (await copyText(link))
        ? 'Copied a link that reopens the generator with these values.'
        : `Copying was blocked by the browser. The link is: ${link}`,
    );
  }

  function startOver() {
    setValues(modelToForm(defaults()));
    setHolds('the default values');
    setEdited(false);
    setActionStatus('The form is back to the default values, with new GUIDs.');
  }

  function renderControl(field: TextField, control: ControlProps): ReactNode {
    const {required} = qwcElement(field);
    const value = values.text[field];
    const choices = FIELD_CHOICES[field];
    if (choices) {
      // A value a file held that is not allowed stays visible (and reported) instead of vanishing.
      const options = value === '' || choices.includes(value) ? choices : [...choices, value];
      return (
        <select
          {...control}
          className={styles.input}
          value={value}
          onChange={(event) => setText(field, event.target.value)}
          aria-required={required === 'value'}>
          {(required === 'no' || value === '') && <option value="">{required === 'no' ? 'Not set' : 'Choose…'}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {choices.includes(option) ? option : `${option} (not allowed)`}
            </option>
          ))}
        </select>
      );
    }
    return (
      <input
        {...control}
        type="text"
        className={styles.input}
        value={value}
        onChange={(event) => setText(field, event.target.value)}
        aria-required={required === 'value'}
        autoComplete="off"
        spellCheck={false}
        inputMode={qwcElement(field).kind === 'url' ? 'url' : undefined}
      />
    );
  }

  function renderField(field: keyof QwcModel): ReactNode {
    const id = controlId(idPrefix, field);
    const fieldIssues = grouped.get(field) ?? NO_ISSUES;
    if (field === 'scheduler') return renderScheduler(id, fieldIssues);
    if (isBooleanField(field)) {
      return (
        <FieldRow key={field} field={field} controlId={id} issues={fieldIssues} onFix={fix}>
          {(control) => (
            <select
              {...control}
              className={styles.input}
              value={values.booleans[field]}
              onChange={(event) => setBoolean(field, event.target.value as '' | 'true' | 'false')}>
              <option value="">Not set</option>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          )}
        </FieldRow>
      );
    }
    const guid = field === 'ownerId' || field === 'fileId';
    const element = qwcElement(field).element;
    return (
      <FieldRow
        key={field}
        field={field}
        controlId={id}
        issues={fieldIssues}
        onFix={fix}
        after={
          guid ? (
            <button
              type="button"
              className="button button--secondary button--sm"
              onClick={() => {
                setText(field, newGuid());
                setActionStatus(`New ${element} generated.`);
              }}>
              Generate a new {element}
            </button>
          ) : undefined
        }>
        {(control) => renderControl(field, control)}
      </FieldRow>
    );
  }

  function renderScheduler(id: string, fieldIssues: readonly QwcIssue[]): ReactNode {
    const {help} = qwcElement('scheduler');
    const unitId = `${id}-unit`;
    const helpId = `${id}-help`;
    const issuesId = `${id}-issues`;
    const describedBy = fieldIssues.length > 0 ? `${issuesId} ${helpId}` : helpId;
    const invalid = fieldIssues.some((issue) => issue.severity === 'error');
    return (
      <fieldset key="scheduler" className={styles.fieldset} aria-describedby={describedBy}>
        <legend className={styles.label}>
          Run every<span className={styles.muted}> (optional)</span> <code className={styles.element}>Scheduler</code>
        </legend>
        <div className={styles.controlRow}>
          <span className={styles.pair}>
            <label htmlFor={id} className={styles.smallLabel}>
              Interval
            </label>
            <input
              id={id}
              type="text"
              inputMode="numeric"
              className={styles.narrowInput}
              value={values.schedulerEvery}
              disabled={values.schedulerUnit === ''}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(event) => edit((current) => ({...current, schedulerEvery: event.target.value}))}
              autoComplete="off"
            />
          </span>
          <span className={styles.pair}>
            <label htmlFor={unitId} className={styles.smallLabel}>
              Unit
            </label>
            <select
              id={unitId}
              className={styles.narrowInput}
              value={values.schedulerUnit}
              onChange={(event) => {
                const unit = event.target.value as QwcFormValues['schedulerUnit'];
                edit((current) => ({
                  ...current,
                  schedulerUnit: unit,
                  schedulerEvery: unit !== '' && current.schedulerEvery === '' ? '15' : current.schedulerEvery,
                }));
              }}>
              <option value="">Not set</option>
              {SCHEDULER_UNITS.map(({unit, element}) => (
                <option key={unit} value={unit}>
                  {unit} ({element})
                </option>
              ))}
            </select>
          </span>
        </div>
        <IssueList id={issuesId} issues={fieldIssues} onFix={fix} />
        <p id={helpId} className={styles.help}>
          {help}
        </p>
      </fieldset>
    );
  }

  const basic = QWC_SCHEMA.filter((entry) => !entry.advanced);
  const advanced = QWC_SCHEMA.filter((entry) => entry.advanced);
  const advancedErrors = advanced.filter((entry) => grouped.get(entry.field)?.some((issue) => issue.severity === 'error')).length;
  const reasonId = `${idPrefix}-download-reason`;
  const summaryIssues = issues.filter((issue) => issue.field !== 'document');
  // The file's actions (Download, Copy to clipboard) while errors block them: refused, with the reason.
  const whileBlocked = {'aria-disabled': blocked, 'aria-describedby': blocked ? reasonId : undefined};

  return (
    // Drawn in steps a frame apart (AfterFrame): the inspector, then the form, then its checks and
    // actions and (in a task of their own) the advanced fields, then the highlighted preview. Each
    // field is drawn in a task of its own right after its step's (InOwnTask): about 3 ms each at
    // full speed, 20 to 25 ms for a step's seven or eight together. The tool keeps its
    // placeholder's height, which it outgrows once the form is drawn (2,176 px or more at any
    // width): the page below stays put.
    <div className={kit.tool} style={{minHeight: TOOL_MIN_HEIGHT}}>
      <Inspector
        headingLevel={headingLevel}
        onLoad={loadModel}
        onGoToField={goToField}
        advancedFields={new Set(advanced.map((entry) => entry.field))}
        formHolds={edited ? `${holds}, with your changes` : holds}
      />

      <AfterFrame>
        <section className={kit.panel} aria-labelledby={`${idPrefix}-heading`}>
          <Heading id={`${idPrefix}-heading`} className={kit.panelHeading}>
            Make a .qwc file
          </Heading>
          <div className={styles.columns}>
            <form className={styles.form} onSubmit={(event) => event.preventDefault()} noValidate aria-label=".qwc file settings">
              {basic.map((entry) => (
                <InOwnTask key={entry.field}>{renderField(entry.field)}</InOwnTask>
              ))}
              <details
                className={styles.advanced}
                open={advancedOpen}
                onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}>
                <summary className={styles.summaryToggle}>
                  <span>Advanced</span>
                  {advancedErrors > 0 && (
                    <span className={styles.badge}>
                      {' '}
                      ({advancedErrors === 1 ? '1 field has an error' : `${advancedErrors} fields have errors`})
                    </span>
                  )}
                </summary>
                {/* Closed at first: its fields are drawn a frame after the rest of the form. */}
                <AfterFrame>
                  {advanced.map((entry) => (
                    <InOwnTask key={entry.field}>{renderField(entry.field)}</InOwnTask>
                  ))}
                </AfterFrame>
              </details>
            </form>

            {/* A frame after the form, each in a task of its own: the checks and actions, and the closed Advanced fields. */}
            <AfterFrame>
              <div className={styles.side}>
                <div className={styles.checks}>
                  <SubHeading className={styles.subheading}>Checks</SubHeading>
                  <p role="status" className={styles.liveSummary}>
                    {settledSummary === 'No problems' ? 'No problems: the file is ready.' : settledSummary}
                  </p>
                  {summaryIssues.length > 0 && (
                    <ul className={styles.jumpList}>
                      {summaryIssues.map((issue, index) => {
                        const field = issue.field as keyof QwcModel;
                        return (
                          <li key={`${issue.field}-${index}`}>
                            <button type="button" className={styles.linkButton} onClick={() => goToField(field)}>
                              {issue.severity === 'error' ? 'Error' : 'Warning'} in {qwcElement(field).label}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>

                <div className={styles.actions}>
                  <button type="button" className="button button--primary" {...whileBlocked} onClick={download}>
                    Download {fileName}
                  </button>
                  <button type="button" className="button button--secondary" {...whileBlocked} onClick={copyFile}>
                    Copy to clipboard
                  </button>
                  <button type="button" className="button button--secondary" onClick={copyShareLink}>
                    Copy shareable link
                  </button>
                  <button type="button" className="button button--link" onClick={startOver}>
                    Start over
                  </button>
                </div>
                {blocked && (
                  <p id={reasonId} className={styles.reason}>
                    The file can’t be downloaded or copied until{' '}
                    {counts.errors === 1 ? 'the error is' : `the ${counts.errors} errors are`} fixed: a Web Connector would refuse
                    it.
                  </p>
                )}
                <p role="status" className={styles.actionStatus}>
                  {actionStatus}
                </p>
                <AfterFrame>
                  <CodePreview code={xml} label={`Preview of ${fileName}`} />
                </AfterFrame>
              </div>
            </AfterFrame>
          </div>
        </section>
      </AfterFrame>
    </div>
  );
}

export default function QwcTool(props: Props): ReactNode {
  return (
    <WidgetErrorBoundary name="The .qwc generator">
      <QwcGeneratorTool {...props} />
    </WidgetErrorBoundary>
  );
}
