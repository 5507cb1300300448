/**
 * Page feedback kept in a file on Node (FEEDBACK_FILE): one JSON line per vote, appended. Appends
 * are queued, so lines from votes that arrive together never interleave; the folder is made when
 * missing (a fresh deploy, or a test run that cleared its output folder).
 */
import {appendFile, mkdir} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {feedbackLine, type FeedbackSink} from './feedback';

export function createFileFeedbackSink(file: string): FeedbackSink {
  const path = resolve(file);
  let queue: Promise<void> = Promise.resolve();
  return (record) => {
    const line = feedbackLine(record);
    const write = queue.then(async () => {
      await mkdir(dirname(path), {recursive: true});
      await appendFile(path, line, {encoding: 'utf8', mode: 0o600});
    });
    // The next vote waits for this one, whether or not it failed; this caller hears the failure.
    queue = write.catch(() => undefined);
    return write;
  };
}
