import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {MAX_LOG_BYTES, refuseOversize} from '../../qbwc/log/decode';
import WidgetErrorBoundary from '../kit/WidgetErrorBoundary';
import NotALogHelp from './NotALogHelp';
import ReportView from './ReportView';
import SharePanel from './SharePanel';
import useLogReader, {type ReaderState} from './useLogReader';
import FileDrop from '../kit/FileDrop';
import kit from '../kit/kit.module.css';
import styles from './styles.module.css';

function progressText(state: Extract<ReaderState, {kind: 'working'}>): string {
  if (state.phase === 'reading') {
    const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
    return state.total > 0 && state.total >= 1024 * 1024
      ? `Reading ${state.source}: ${mb(state.done)} of ${mb(state.total)} MB…`
      : `Reading ${state.source}…`;
  }
  return `Finding the runs and errors in ${state.source}: line ${state.done.toLocaleString('en-US')} of ${state.total.toLocaleString('en-US')}…`;
}

function doneText(state: Extract<ReaderState, {kind: 'done'}>): string {
  const {report} = state;
  if (report.shape === 'empty') return `${state.source} is empty.`;
  if (report.shape === 'other') return `${state.source} does not look like a Web Connector log.`;
  const apps = report.apps.length;
  const findings = report.findings.length;
  return `Read ${state.source}: ${report.lineCount.toLocaleString('en-US')} lines, ${apps} ${apps === 1 ? 'application' : 'applications'}, ${findings} ${findings === 1 ? 'code or message' : 'codes and messages'} found.`;
}

function LogReader(): ReactNode {
  const id = useId();
  const {state, readFile, readText, redact} = useLogReader();
  const [pasted, setPasted] = useState('');
  const [refusal, setRefusal] = useState('');
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const lastShown = useRef<ReaderState | null>(null);

  // Once a log is read, move to its summary, so keyboard and screen reader users land on the answer.
  useEffect(() => {
    if (state.kind === 'done' && lastShown.current !== state && state.report.shape !== 'empty') {
      lastShown.current = state;
      summaryHeading.current?.focus();
    }
  }, [state]);

  function readChosen(file: File | undefined) {
    if (!file) return;
    // Refused on its size alone, before a byte is read.
    const oversize = refuseOversize(file.size);
    if (oversize && !oversize.ok) {
      setRefusal(`“${file.name}”: ${oversize.message}`);
      return;
    }
    setRefusal('');
    readFile(file);
  }

  function readPasted() {
    setRefusal('');
    if (pasted.trim() === '') {
      setRefusal(
        'The box is empty. Paste the text of the Web Connector’s log (QWCLog.txt) or of its error message, then click Read the log.',
      );
      return;
    }
    readText(pasted, 'the pasted text');
  }

  const textId = `${id}-text`;
  const privacyId = `${id}-privacy`;
  const working = state.kind === 'working';
  const message = refusal || (state.kind === 'refused' ? state.message : '');
  const capMb = MAX_LOG_BYTES / (1024 * 1024);

  return (
    <div className={kit.tool}>
      <section className={kit.panel} aria-labelledby={`${id}-read`}>
        <h3 id={`${id}-read`} className={kit.panelHeading}>
          Read a log
        </h3>
        <p id={privacyId} className={kit.note}>
          <strong>Nothing leaves this page.</strong> The log is read by your browser, on your computer; it is not uploaded or
          stored.
        </p>
        <FileDrop
          label="Choose a log file"
          accept=".txt,.log,text/plain"
          dropHint={<>or drop QWCLog.txt here (up to {capMb} MB).</>}
          groupLabel="Choose or drop a log file"
          describedBy={privacyId}
          disabled={working}
          onFile={(file) => readChosen(file)}
          onText={(text) => {
            setPasted(text);
            setRefusal('');
            readText(text, 'the dropped text');
          }}
        />
        <label htmlFor={textId} className={kit.label}>
          Or paste the log, or an error message
        </label>
        <textarea
          id={textId}
          className={styles.textarea}
          rows={8}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          placeholder={'20250519.13:33:54 UTC\t: QBWebConnector.SOAPWebService.do_authenticate() : …'}
          aria-describedby={privacyId}
        />
        <div className={styles.row}>
          <button type="button" className="button button--primary" onClick={readPasted} disabled={working}>
            Read the log
          </button>
          {pasted !== '' && (
            <button type="button" className="button button--secondary" onClick={() => setPasted('')} disabled={working}>
              Clear the box
            </button>
          )}
        </div>
        {working && (
          <div className={styles.progress}>
            <label htmlFor={`${id}-progress`}>{progressText(state)}</label>
            <progress
              id={`${id}-progress`}
              max={state.total || 1}
              value={state.done}
              aria-valuetext={`${state.total ? Math.round((100 * state.done) / state.total) : 0}%`}
            />
          </div>
        )}
        <p role="status" className={styles.status}>
          {state.kind === 'done' ? doneText(state) : ''}
        </p>
        {message && (
          <div role="alert" className={clsx('alert alert--warning', styles.alert)}>
            {message}
          </div>
        )}
      </section>

      {state.kind === 'done' &&
        (state.report.shape === 'empty' || state.report.shape === 'other' ? (
          <NotALogHelp empty={state.report.shape === 'empty'} source={state.source} />
        ) : (
          <>
            <ReportView report={state.report} source={state.source} summaryRef={summaryHeading} />
            <SharePanel redact={redact} source={state.source} report={state.report} />
          </>
        ))}
    </div>
  );
}

export default function LogReaderTool(): ReactNode {
  return (
    <WidgetErrorBoundary name="The log reader">
      <LogReader />
    </WidgetErrorBoundary>
  );
}
