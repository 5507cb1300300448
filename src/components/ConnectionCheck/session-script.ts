/**
 * A shell script that signs in to a service the way the Web Connector does (serverVersion,
 * clientVersion, authenticate), for services a browser may not read. The envelopes are the
 * codec's; the user name and password are put in by the shell, XML-escaped, and the password is
 * asked for when the script runs, so it never appears on the page or in the shell history.
 */
import {DEFAULT_CLIENT_VERSION} from '../../qbwc/client';
import {buildRequest, SOAP_CONTENT_TYPE, soapActionFor, type QbwcMethod} from '../../qbwc/soap';

const USER_MARK = 'QBWC-SCRIPT-USER-NAME';
const PASSWORD_MARK = 'QBWC-SCRIPT-PASSWORD';

/** Quotes a value for a POSIX shell: everything literal inside single quotes. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function call(method: QbwcMethod, data: string): string {
  return `call ${method} ${shellQuote(soapActionFor(method))} ${data}`;
}

export function buildSessionScript(serviceUrl: string, userName: string): string {
  const auth = buildRequest('authenticate', {strUserName: USER_MARK, strPassword: PASSWORD_MARK});
  const [beforeUser = '', rest = ''] = auth.split(USER_MARK);
  const [betweenUserAndPassword = '', afterPassword = ''] = rest.split(PASSWORD_MARK);
  const authData = `${shellQuote(beforeUser)}"$(xml "$USER_NAME")"${shellQuote(betweenUserAndPassword)}"$(xml "$PASSWORD")"${shellQuote(afterPassword)}`;
  return [
    '#!/bin/sh',
    '# Signs in to a Web Connector service as the Web Connector does: serverVersion, clientVersion, authenticate.',
    `URL=${shellQuote(serviceUrl)}`,
    `USER_NAME=${shellQuote(userName)}`,
    'printf "Password for %s: " "$USER_NAME"; stty -echo 2>/dev/null; IFS= read -r PASSWORD; stty echo 2>/dev/null; echo',
    "xml() { printf '%s' \"$1\" | sed -e 's/&/\\&amp;/g' -e 's/</\\&lt;/g' -e 's/>/\\&gt;/g'; }",
    'call() {',
    '  printf "\\n== %s\\n" "$1"',
    `  curl -sS --max-time 20 -X POST "$URL" -H "Content-Type: ${SOAP_CONTENT_TYPE}" -H "SOAPAction: $2" --data-binary "$3" -w "\\n(HTTP %{http_code})\\n"`,
    '}',
    call('serverVersion', shellQuote(buildRequest('serverVersion', {}))),
    call('clientVersion', shellQuote(buildRequest('clientVersion', {strVersion: DEFAULT_CLIENT_VERSION}))),
    call('authenticate', authData),
    '',
  ].join('\n');
}
