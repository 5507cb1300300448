/** The log reader's Web Worker: parsing a log of many megabytes here keeps the page responsive. */
import {LogReaderWork, type ReaderReply, type ReaderRequest} from './read-log';

// The project's TypeScript setup knows the DOM, not the worker scope; this is all of it we use.
const scope = self as unknown as {
  postMessage(message: ReaderReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ReaderRequest>) => void): void;
};

const work = new LogReaderWork((reply) => scope.postMessage(reply));
scope.addEventListener('message', (event) => void work.handle(event.data));
