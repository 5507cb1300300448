import type {ReactNode, RefObject} from 'react';
import Link from '@docusaurus/Link';
import {troubleshootingHref} from '../../qbwc/troubleshooting';
import type {AppSummary, Finding, LogReport, RunSummary} from '../../qbwc/log/diagnose';
import type {RunEventKind, RunTrigger} from '../../qbwc/log/parse';
import kit from '../kit/kit.module.css';
import styles from './styles.module.css';

/** Ids of the report's sections: stable, so a finding can be pointed at ("see #log-findings"). */
export const REPORT_IDS = {summary: 'log-summary', findings: 'log-findings', runs: 'log-runs', share: 'log-share'} as const;

const TRIGGER_WORDS: Record<RunTrigger, string> = {
  scheduled: 'scheduled (Auto-Run)',
  manual: 'manual (Update Selected)',
  add: 'while adding the application',
  unknown: 'started before this part of the log',
};

const EVENT_WORDS: Record<RunEventKind, string> = {
  serverVersion: 'serverVersion',
  clientVersion: 'clientVersion',
  authenticate: 'authenticate',
  sendRequestXML: 'sendRequestXML',
  receiveResponseXML: 'receiveResponseXML',
  getLastError: 'getLastError',
  connectionError: 'connectionError',
  closeConnection: 'closeConnection',
  connectQuickBooks: 'QuickBooks',
  postponed: 'postponed',
  problem: 'error',
  ended: 'end',
};

interface Props {
  report: LogReport;
  source: string;
  summaryRef: RefObject<HTMLHeadingElement | null>;
}

function EntryLink({entryId, children}: {entryId: string; children: ReactNode}): ReactNode {
  return <Link to={troubleshootingHref(entryId)}>{children}</Link>;
}

function NextStep({run}: {run: RunSummary}): ReactNode {
  return (
    <>
      <strong>Next:</strong> {run.next}
      {run.entryId && (
        <>
          {' '}
          <EntryLink entryId={run.entryId}>How to fix it</EntryLink>
        </>
      )}
      {run.findingAnchor && (
        <>
          {' · '}
          <a href={`#${run.findingAnchor}`}>the line in the log</a>
        </>
      )}
    </>
  );
}

function Versions({report}: {report: LogReport}): ReactNode {
  const {versions} = report;
  const rows: [string, string][] = [];
  if (versions.webConnector) rows.push(['Web Connector (log header)', versions.webConnector]);
  if (versions.clientVersionSent) rows.push(['Version the Web Connector sent in clientVersion', versions.clientVersionSent]);
  if (versions.qbxml) rows.push(['Newest qbXML version the QuickBooks in use accepts', versions.qbxml]);
  if (versions.quickBooksProduct) rows.push(['QuickBooks', versions.quickBooksProduct]);
  if (report.level) rows.push(['Log level', report.level]);
  if (rows.length === 0) return null;
  return (
    <dl className={styles.versions}>
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Summary({report, source, summaryRef}: Props): ReactNode {
  const fromCodes = report.apps.length === 0 || report.shape !== 'log';
  return (
    <section className={kit.panel} aria-labelledby={REPORT_IDS.summary}>
      <h3 id={REPORT_IDS.summary} ref={summaryRef} tabIndex={-1} className={kit.panelHeading}>
        Summary
      </h3>
      <p>
        {report.shape === 'log' && report.firstTime
          ? `${source} covers ${report.firstTime} to ${report.lastTime ?? report.firstTime}.`
          : report.shape === 'dialog'
            ? `${source} is the text of a Web Connector error message.`
            : `${source} has no timestamps, so it was read line by line as a piece of a log or a message.`}
      </p>
      {report.apps.length > 0 && (
        <ul className={styles.summaryList} aria-label="Last run of each application">
          {report.apps.map((app) => (
            <li key={app.app}>
              <strong>{app.app}</strong>
              {app.lastRun.time ? `, last run ${app.lastRun.time}` : ''} ({TRIGGER_WORDS[app.lastRun.trigger]}):{' '}
              {app.lastRun.ending}
              <br />
              <NextStep run={app.lastRun} />
            </li>
          ))}
        </ul>
      )}
      {fromCodes && report.findings.length > 0 && (
        <ul className={styles.summaryList} aria-label="What the text names">
          {report.findings.map((finding) => (
            <li key={finding.anchor}>
              {finding.entryId ? (
                <>
                  {finding.title}: <EntryLink entryId={finding.entryId}>how to fix it</EntryLink>
                </>
              ) : (
                finding.title
              )}
              {' · '}
              <a href={`#${finding.anchor}`}>where it appears</a>
            </li>
          ))}
        </ul>
      )}
      {report.findings.length === 0 && report.apps.every((app) => app.lastRun.outcome === 'completed') && (
        <p>No error codes or known error messages were found.</p>
      )}
      <Versions report={report} />
      {report.shape === 'log' && report.level !== null && report.level !== 'VERBOSE' && (
        <p className={styles.muted}>
          This log was written at level {report.level}, which leaves out most of the XML exchanged. When support asks for more
          detail, see <a href="#verbose">verbose logging</a>.
        </p>
      )}
      {report.notes.map((note) => (
        <p key={note} className={styles.muted}>
          {note}
        </p>
      ))}
    </section>
  );
}

function FindingRow({finding}: {finding: Finding}): ReactNode {
  return (
    <tr id={finding.anchor}>
      <td>{finding.code ? <code>{finding.code}</code> : 'message'}</td>
      <td>
        {finding.entryId ? <EntryLink entryId={finding.entryId}>{finding.title}</EntryLink> : <span>{finding.title}</span>}
        <div className={styles.example}>
          <span className={kit.srOnly}>As the log words it: </span>
          <code>{finding.example}</code>
        </div>
      </td>
      <td>{finding.count}</td>
      <td>{finding.firstLine}</td>
    </tr>
  );
}

function Findings({report}: {report: LogReport}): ReactNode {
  return (
    <section className={kit.panel} aria-labelledby={REPORT_IDS.findings}>
      <h3 id={REPORT_IDS.findings} className={kit.panelHeading}>
        Codes and messages found
      </h3>
      {report.findings.length === 0 ? (
        <p>None: the log names no QBWC code, HRESULT or known error message.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={kit.srOnly}>Codes and messages found, in the order they first appear</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">What it is</th>
                <th scope="col">Times</th>
                <th scope="col">First line</th>
              </tr>
            </thead>
            <tbody>
              {report.findings.map((finding) => (
                <FindingRow key={finding.anchor} finding={finding} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Run({run}: {run: RunSummary}): ReactNode {
  return (
    <li className={styles.run}>
      <p className={styles.runTitle}>
        <strong>{run.time ?? `Line ${run.line}`}</strong> · {TRIGGER_WORDS[run.trigger]} · {run.ending}
      </p>
      {run.events.length > 0 && (
        <ol className={styles.timeline} aria-label={`Steps of the run at ${run.time ?? `line ${run.line}`}`}>
          {run.events.map((event) => (
            <li key={`${event.kind}-${event.line}`} className={event.kind === 'problem' ? styles.problem : undefined}>
              <span className={styles.eventTime}>{event.time?.slice(11, 19) ?? `line ${event.line}`}</span>{' '}
              <code>{EVENT_WORDS[event.kind]}</code>
              {event.count > 1 ? ` ×${event.count}` : ''}: {event.detail}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function Runs({apps}: {apps: AppSummary[]}): ReactNode {
  if (apps.length === 0) return null;
  return (
    <section className={kit.panel} aria-labelledby={REPORT_IDS.runs}>
      <h3 id={REPORT_IDS.runs} className={kit.panelHeading}>
        Runs
      </h3>
      {apps.map((app) => (
        <div key={app.app}>
          <h4 className={styles.appHeading}>{app.app}</h4>
          <p className={styles.muted}>
            {app.runCount === app.runs.length
              ? `${app.runCount} ${app.runCount === 1 ? 'run' : 'runs'}, oldest first.`
              : `${app.runCount} runs; the last ${app.runs.length} are shown, oldest first.`}
          </p>
          <ol className={styles.runs}>
            {app.runs.map((run) => (
              <Run key={run.line} run={run} />
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

function Dialogs({report}: {report: LogReport}): ReactNode {
  if (report.dialogs.length === 0) return null;
  return (
    <section className={kit.panel} aria-label="Error messages in the text">
      {report.dialogs.map((dialog) => (
        <dl key={dialog.line} className={styles.dialog}>
          {dialog.version && (
            <>
              <dt>Version (the service)</dt>
              <dd>{dialog.version}</dd>
            </>
          )}
          {dialog.message && (
            <>
              <dt>Message</dt>
              <dd>{dialog.message}</dd>
            </>
          )}
          {dialog.description && (
            <>
              <dt>Description</dt>
              <dd className={styles.preLine}>{dialog.description}</dd>
            </>
          )}
        </dl>
      ))}
    </section>
  );
}

/** The report on a log: summary first, then every finding, then each application's runs. */
export default function ReportView(props: Props): ReactNode {
  return (
    <>
      <Summary {...props} />
      <Findings report={props.report} />
      <Dialogs report={props.report} />
      <Runs apps={props.report.apps} />
    </>
  );
}
