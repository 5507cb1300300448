import {useCallback, useEffect, useRef, useState} from 'react';
import type {LogReport} from '../../qbwc/log/diagnose';
import type {RedactOptions, RedactedLog} from '../../qbwc/log/redact';
import type {ReaderReply, ReaderRequest} from './read-log';

export type ReaderState =
  | {kind: 'idle'}
  | {kind: 'working'; source: string; phase: 'reading' | 'parsing'; done: number; total: number}
  | {kind: 'refused'; source: string; message: string}
  | {kind: 'done'; source: string; report: LogReport; characters: number; encoding: string};

interface Channel {
  post(request: ReaderRequest): void;
  close(): void;
}

/** A worker when the browser can start one; otherwise the same work on the page, after a paint. */
function openChannel(onReply: (reply: ReaderReply) => void): Channel {
  try {
    const worker = new Worker(new URL('./log.worker.ts', import.meta.url));
    worker.addEventListener('message', (event: MessageEvent<ReaderReply>) => onReply(event.data));
    return {post: (request) => worker.postMessage(request), close: () => worker.terminate()};
  } catch {
    // Loaded only here, so browsers with workers do not download the parser twice.
    const work = import('./read-log').then(({LogReaderWork}) => new LogReaderWork(onReply));
    return {post: (request) => void work.then((w) => w.handle(request)), close: () => undefined};
  }
}

/** Reads logs in a Web Worker, reports progress, and redacts the last log read on request. */
export default function useLogReader(): {
  state: ReaderState;
  readFile: (file: File) => void;
  readText: (text: string, source: string) => void;
  redact: (options: RedactOptions) => Promise<RedactedLog>;
} {
  const [state, setState] = useState<ReaderState>({kind: 'idle'});
  const channel = useRef<Channel | null>(null);
  const lastId = useRef(0);
  const sources = useRef(new Map<number, string>());
  const redactions = useRef(new Map<number, (result: RedactedLog) => void>());
  // Redactions count down from -1, so their replies never pass for a read's.
  const lastRedaction = useRef(0);

  const onReply = useCallback((reply: ReaderReply) => {
    if (reply.type === 'redacted') {
      redactions.current.get(reply.id)?.(reply.result);
      redactions.current.delete(reply.id);
      return;
    }
    // Only the latest read counts: a file dropped while another is read replaces it.
    if (reply.id !== lastId.current) return;
    const source = sources.current.get(reply.id) ?? 'the log';
    if (reply.type === 'progress') setState({kind: 'working', source, phase: reply.phase, done: reply.done, total: reply.total});
    else if (reply.type === 'report')
      setState({kind: 'done', source, report: reply.report, characters: reply.characters, encoding: reply.encoding});
    else if (reply.type === 'refused') setState({kind: 'refused', source, message: reply.message});
    else setState({kind: 'refused', source, message: `Something went wrong while reading ${source}: ${reply.message}.`});
  }, []);

  // The worker starts with the tool, so reading a log later fetches nothing.
  useEffect(() => {
    channel.current = openChannel(onReply);
    return () => channel.current?.close();
  }, [onReply]);

  const start = useCallback((source: string, total: number): number => {
    lastId.current += 1;
    sources.current.set(lastId.current, source);
    setState({kind: 'working', source, phase: 'reading', done: 0, total});
    return lastId.current;
  }, []);

  const readFile = useCallback(
    (file: File) => {
      const id = start(`“${file.name}”`, file.size);
      channel.current?.post({type: 'read-file', id, file});
    },
    [start],
  );

  const readText = useCallback(
    (text: string, source: string) => {
      const id = start(source, text.length);
      channel.current?.post({type: 'read-text', id, text});
    },
    [start],
  );

  const redact = useCallback((options: RedactOptions) => {
    lastRedaction.current -= 1;
    const id = lastRedaction.current;
    return new Promise<RedactedLog>((resolve) => {
      redactions.current.set(id, resolve);
      channel.current?.post({type: 'redact', id, options});
    });
  }, []);

  return {state, readFile, readText, redact};
}
