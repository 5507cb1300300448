/** What counts as a correct answer to a hostile request: a well-formed SOAP answer or a clear 4xx. */
import {parseFault, parseResponse, SoapFaultError} from '../../src/qbwc/soap';
import type {HostileRequest} from './hostile-requests';
import type {Outcome} from './send';

/** A failure class ('5xx on soap', 'timeout on path:GET', ...), or null when the answer is right. */
export function classifyFailure(hostile: HostileRequest, outcome: Outcome): string | null {
  if ('error' in outcome) {
    if (outcome.error.startsWith('client-refused')) return null;
    return `${outcome.error} on ${hostile.kind.split(':')[0]}`;
  }
  const {status, contentType, body} = outcome.answer;
  const group = hostile.kind.split(':')[0];
  // A request cut short may be closed without an answer: only a hang (above) or a bad answer counts.
  if (hostile.declaredLength !== undefined && status === 0) return null;
  if (status < 100) return `no status on ${group}`;
  if ((group === 'soap' || group === 'lying-length') && contentType.startsWith('text/xml')) {
    if (status === 200) {
      try {
        parseResponse(body);
      } catch (error) {
        if (!(error instanceof SoapFaultError)) return 'a 200 SOAP answer that is not a well-formed response';
      }
      return null;
    }
    // SOAP 1.1 sends every Fault with HTTP 500; a soap:Client Fault is a clear refusal, a
    // soap:Server one means the service itself failed.
    const fault = parseFault(body);
    if (fault === null) return `a ${status} SOAP answer that is not a well-formed Fault`;
    if (fault.code !== 'soap:Client') return `a ${fault.code || 'codeless'} Fault (${status}) on soap`;
    return null;
  }
  if (status >= 500) return `${status} on ${group}`;
  // A 416 says all it needs in its Content-Range header.
  if (status >= 400 && status !== 416 && body.trim() === '' && hostile.method !== 'HEAD') return `an empty ${status} on ${group}`;
  return null;
}
