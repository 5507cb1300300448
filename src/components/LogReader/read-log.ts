/**
 * The work the log reader does off the main thread, as plain functions: the Web Worker calls them,
 * and so does the page itself when a browser cannot start the worker. Messages in both directions
 * are typed here, once.
 */
import {decodeLogBytes, looksBinary, refuseOversize} from '../../qbwc/log/decode';
import {diagnoseLog, type LogReport} from '../../qbwc/log/diagnose';
import {parseLog} from '../../qbwc/log/parse';
import {redactLog, type RedactOptions, type RedactedLog} from '../../qbwc/log/redact';

export type ReaderRequest =
  | {type: 'read-file'; id: number; file: File}
  | {type: 'read-text'; id: number; text: string}
  | {type: 'redact'; id: number; options: RedactOptions};

export type ReaderReply =
  | {type: 'progress'; id: number; phase: 'reading' | 'parsing'; done: number; total: number}
  | {type: 'report'; id: number; report: LogReport; characters: number; encoding: string}
  | {type: 'refused'; id: number; message: string}
  | {type: 'redacted'; id: number; result: RedactedLog}
  | {type: 'failed'; id: number; message: string};

/** Progress is reported at most this often while a file is read (bytes). */
const READ_PROGRESS_STEP = 512 * 1024;

async function readWithProgress(file: File, onProgress: (done: number) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  let reported = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    // A file that grew while being read is cut at the size it had when chosen.
    const room = Math.min(value.length, bytes.length - offset);
    bytes.set(value.subarray(0, room), offset);
    offset += room;
    if (offset - reported >= READ_PROGRESS_STEP) {
      reported = offset;
      onProgress(offset);
    }
    if (offset >= bytes.length) break;
  }
  return bytes.subarray(0, offset);
}

/** Reads, parses and diagnoses; keeps the text for a later redaction. */
export class LogReaderWork {
  private text = '';

  constructor(private readonly send: (reply: ReaderReply) => void) {}

  async handle(request: ReaderRequest): Promise<void> {
    try {
      if (request.type === 'redact') {
        this.send({type: 'redacted', id: request.id, result: redactLog(this.text, request.options)});
        return;
      }
      let text: string;
      let encoding = 'pasted text';
      if (request.type === 'read-file') {
        const oversize = refuseOversize(request.file.size);
        if (oversize && !oversize.ok) {
          this.send({type: 'refused', id: request.id, message: oversize.message});
          return;
        }
        const total = request.file.size;
        const bytes = await readWithProgress(request.file, (done) =>
          this.send({type: 'progress', id: request.id, phase: 'reading', done, total}),
        );
        const decoded = decodeLogBytes(bytes);
        if (!decoded.ok) {
          this.send({type: 'refused', id: request.id, message: decoded.message});
          return;
        }
        text = decoded.text;
        encoding = decoded.encoding.toUpperCase();
      } else {
        text = request.text;
        if (looksBinary(text)) {
          this.send({
            type: 'refused',
            id: request.id,
            message:
              'The pasted text is full of control characters, so it is not a text log. Open QWCLog.txt in Notepad (or with the View Logs button) and copy its text again.',
          });
          return;
        }
      }
      const parsed = parseLog(text, {
        onProgress: (done, total) => this.send({type: 'progress', id: request.id, phase: 'parsing', done, total}),
      });
      this.text = text;
      this.send({type: 'report', id: request.id, report: diagnoseLog(parsed), characters: text.length, encoding});
    } catch (error) {
      this.send({
        type: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : 'the log could not be read',
      });
    }
  }
}
