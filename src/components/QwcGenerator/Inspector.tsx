import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import {qwcElement, type QwcIssue, type QwcModel} from '../../qbwc/qwc';
import {inspectFileBytes, inspectText, refuseBySize, summarizeIssues, type InspectedFile} from './form-state';
import IssueList from './IssueList';
import FileDrop from '../kit/FileDrop';
import kit from '../kit/kit.module.css';
import styles from './styles.module.css';

interface Props {
  headingLevel: 2 | 3;
  /** Called with the file's values; `openAdvanced` when an advanced field needs attention. */
  onLoad: (model: QwcModel, openAdvanced: boolean, source: string) => void;
  onGoToField: (field: keyof QwcModel) => void;
  advancedFields: ReadonlySet<keyof QwcModel>;
  /** What the form holds now, e.g. 'the default values': said when a file cannot replace it. */
  formHolds: string;
}

interface Report {
  source: string;
  inspected: InspectedFile;
}

function readAsBytes(file: File): Promise<Uint8Array> {
  return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
}

/** Reads an existing .qwc (chosen, dropped or pasted), lists what is wrong and loads it into the form. */
export default function Inspector({headingLevel, onLoad, onGoToField, advancedFields, formHolds}: Props): ReactNode {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  const [pasted, setPasted] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [status, setStatus] = useState('');
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [focusResult, setFocusResult] = useState(false);

  useEffect(() => {
    if (!focusResult) return;
    resultHeading.current?.focus();
    setFocusResult(false);
  }, [focusResult]);

  /** The one summary of an inspection: what was found, and what the form below now holds. */
  function show(source: string, inspected: InspectedFile, note = '') {
    setReport({source, inspected});
    const notLoaded = `Nothing from ${source} was loaded: the form below still holds ${formHolds}.`;
    if (inspected.kind === 'unreadable') {
      setStatus(`${note}${source} could not be read. ${notLoaded}`);
    } else {
      const {model, issues} = inspected.result;
      if (model) {
        const openAdvanced = issues.some((issue) => issue.field !== 'document' && advancedFields.has(issue.field));
        onLoad(model, openAdvanced, source);
      }
      const found =
        issues.length === 0 ? 'No problems found: the Web Connector should accept this file.' : `${summarizeIssues(issues)}.`;
      // A file that is not well-formed XML is read as far as possible; say that the values are partial.
      const partial = issues.some((issue) => issue.field === 'document' && issue.severity === 'error');
      const loaded = `The form below now holds ${partial ? 'what could be read from' : 'the values from'} ${source}.`;
      setStatus(`${note}${found} ${model ? loaded : notLoaded}`);
    }
    setFocusResult(true);
  }

  async function inspectFile(file: File | undefined, note = '') {
    if (!file) return;
    const source = `“${file.name}”`;
    try {
      // Size first: a huge file is refused without being read into memory.
      const inspected = refuseBySize(file.size) ?? inspectFileBytes(await readAsBytes(file));
      if (inspected.kind === 'parsed') setPasted(inspected.text);
      show(source, inspected, note);
    } catch (error) {
      show(
        source,
        {
          kind: 'unreadable',
          message: `The browser could not read the file (${error instanceof Error ? error.message : String(error)}). Try choosing it again, or open it in Notepad and paste its text below.`,
        },
        note,
      );
    }
  }

  const textId = `${id}-text`;
  const hintId = `${id}-hint`;

  return (
    <section className={kit.panel} aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} className={kit.panelHeading}>
        Inspect an existing .qwc file
      </Heading>
      <p className={styles.help} id={hintId}>
        The file is read in your browser and never uploaded. Problems are listed below, and its values are loaded into the form so
        you can correct them and download a fixed copy.
      </p>
      <FileDrop
        label="Choose a .qwc file"
        accept=".qwc,.xml,text/xml"
        dropHint="or drop the file here."
        describedBy={hintId}
        onFile={(file, others) => void inspectFile(file, others > 0 ? 'Only the first of the dropped files was inspected. ' : '')}
      />
      <div className={styles.field}>
        <label htmlFor={textId} className={styles.label}>
          Or paste the file’s text
        </label>
        <textarea
          id={textId}
          className={styles.textarea}
          rows={6}
          value={pasted}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setPasted(event.target.value)}
          placeholder={'<?xml version="1.0"?>\n<QBWCXML>…</QBWCXML>'}
        />
        <div className={styles.controlRow}>
          <button
            type="button"
            className="button button--primary button--sm"
            onClick={() => show('the pasted text', inspectText(pasted))}>
            Inspect
          </button>
        </div>
      </div>
      <div className={report ? styles.report : undefined}>
        {report && (
          <SubHeading ref={resultHeading} tabIndex={-1} className={styles.subheading}>
            Problems in {report.source}
          </SubHeading>
        )}
        {/* The summary is said once, here; it stays mounted so screen readers announce each new one. */}
        <p role="status">{status}</p>
        {report &&
          (report.inspected.kind === 'unreadable' ? (
            <IssueList issues={[{field: 'document', severity: 'error', message: report.inspected.message}]} />
          ) : (
            <InspectionResult
              issues={report.inspected.result.issues}
              loaded={report.inspected.result.model !== null}
              onGoToField={onGoToField}
            />
          ))}
      </div>
    </section>
  );
}

function InspectionResult({
  issues,
  loaded,
  onGoToField,
}: {
  issues: QwcIssue[];
  loaded: boolean;
  onGoToField: (field: keyof QwcModel) => void;
}): ReactNode {
  return (
    <IssueList
      issues={issues}
      renderExtra={(issue) =>
        issue.field === 'document' || !loaded ? null : (
          <button type="button" className={styles.linkButton} onClick={() => onGoToField(issue.field as keyof QwcModel)}>
            Go to {qwcElement(issue.field as keyof QwcModel).label}
          </button>
        )
      }
    />
  );
}
