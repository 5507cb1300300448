/**
 * The troubleshooting catalogue's entries: every error code and message the help center explains,
 * each with the stable anchor support staff paste into tickets. docs/troubleshooting.mdx renders one
 * heading per entry with the same id; tests keep the two in step and the anchor list growing only.
 */

export interface TroubleshootingEntry {
  /** The heading id on the troubleshooting page. Never renamed or removed once published. */
  id: string;
  title: string;
  /** Codes as people quote them: 'QBWC1039', '0x80040408', or an authenticate result such as 'nvu'. */
  codes: string[];
  /** Literal texts users see in a dialog, a status column or a log. */
  messages: string[];
  /** One plain sentence: what it means. */
  summary: string;
}

function entry(id: string, title: string, codes: string[], messages: string[], summary: string): TroubleshootingEntry {
  return {id, title, codes, messages, summary};
}

function qbwc(num: number, title: string, messages: string[], summary: string): TroubleshootingEntry {
  return entry(`qbwc${num}`, `QBWC${num}: ${title}`, [`QBWC${num}`], messages, summary);
}

function hresult(code: string, message: string, summary: string): TroubleshootingEntry {
  return entry(`hresult-${code}`, `${code}: ${message.replace(/\.$/, '')}`, [code], [message], summary);
}

/** Order is the order on the page. */
export const troubleshootingEntries: readonly TroubleshootingEntry[] = [
  // Messages you may see
  entry(
    'unable-to-open-company-file',
    'Unable to open QuickBooks file',
    [],
    ['Unable to open QuickBooks file.'],
    'QuickBooks no longer lets the connection into the company file, usually because its approval in Integrated Applications is stale; remove it and approve it again.',
  ),
  entry(
    'timed-out-communicating',
    'Timed out attempting to communicate with QBD',
    [],
    ['Timed out attempting to communicate with QBD.'],
    'QuickBooks Desktop was closed and the earlier permission to connect while it is closed no longer applies, so QuickBooks must be opened and the app approved again.',
  ),
  entry(
    'access-denied',
    'Access to the company file was denied',
    [],
    [],
    'Someone chose No in the QuickBooks Application Certificate prompt, so QuickBooks refuses every request until the app is approved.',
  ),
  entry(
    'msg-invalid-password',
    'Authentication failed: invalid password (nvu)',
    ['nvu'],
    ['invalid password for username', 'Not a valid username and password'],
    'The service did not accept the user name and password the Web Connector sent, so it answered nvu ("not a valid user").',
  ),
  entry(
    'msg-no-data-exchange',
    'No data exchange required (none)',
    ['none'],
    ['No data exchange required'],
    'The service had nothing to send this time and answered none; this is normal, not an error.',
  ),
  entry(
    'msg-postponed',
    'Update postponed by application / Application Busy (busy)',
    ['busy'],
    ['Update postponed by application', 'Application Busy'],
    'The service asked the Web Connector to come back later, either because it is busy or because it postponed this update.',
  ),
  entry(
    'msg-integrated-applications',
    'QuickBooks asks you to approve the application (Application Certificate)',
    [],
    ['Application Certificate', 'An application is requesting access to the following QuickBooks company file'],
    'QuickBooks asks an Admin, in single-user mode, to approve any new or re-signed application before it may read or write the company file.',
  ),
  entry(
    'msg-wrong-company-file',
    'Incorrect company file is open',
    [],
    ['incorrect company file is open'],
    'The company file open in QuickBooks is not the one this connection was set up for, or the wrong file was approved.',
  ),
  entry(
    'installer-blocked',
    'The download or installation is blocked',
    [],
    [],
    'Your browser, antivirus or company policy stopped the Web Connector, the QuickBooks update or the .qwc file from downloading or installing, which only your system administrator can allow.',
  ),

  // Adding the application
  qbwc(
    1000,
    'AppURL and AppSupport are on different domains',
    [],
    'The .qwc file names a service URL and a support URL on different domains, so the Web Connector refuses to add it.',
  ),
  qbwc(
    1001,
    'The service URL is an IP address',
    [],
    'The .qwc file points the Web Connector at an IP address instead of a host name, so the application is not added.',
  ),
  qbwc(
    1002,
    'The support URL is an IP address',
    [],
    'The support URL in the .qwc file is an IP address instead of a host name, so the application is not added.',
  ),
  qbwc(
    1003,
    'The support page did not answer with success',
    [],
    'The Web Connector fetched the support URL from the .qwc file and got an error status instead of 200 or 202.',
  ),
  qbwc(
    1004,
    'The support page could not be reached',
    [],
    'The Web Connector could not fetch the support URL at all, because of DNS, a proxy, a firewall or a certificate problem.',
  ),
  qbwc(
    1010,
    'Only secure (https) applications are allowed',
    ['Only SSL (https) applications are allowed'],
    'The service URL uses plain http on a host other than localhost, which the Web Connector refuses.',
  ),
  qbwc(
    1051,
    'The new application was not added',
    ['The new application was not added', 'service URL is not on a secure (https) server'],
    'Newer Web Connector builds report a refused .qwc file this way, most often because the service URL is not https.',
  ),
  qbwc(
    1035,
    'localhost could not be resolved',
    [],
    'The Web Connector could not resolve localhost, usually because the .qwc file was made for a developer machine or the Windows hosts file is damaged.',
  ),
  qbwc(
    1022,
    'Could not connect to QuickBooks while adding the application',
    [],
    'The Web Connector could not reach QuickBooks on its first attempt while adding the application.',
  ),
  qbwc(
    1023,
    'Could not connect to QuickBooks on the second attempt',
    [],
    'The Web Connector retried reaching QuickBooks while adding the application and failed again.',
  ),
  qbwc(
    1024,
    'Connecting to QuickBooks was cancelled while adding the application',
    [],
    'The person at the PC cancelled the retry while the Web Connector was trying to reach QuickBooks to add the application.',
  ),
  qbwc(
    1025,
    'Error while looking for the FileID in the company file',
    [],
    "An unexpected error happened while the Web Connector looked for this application's FileID stamp in the company file.",
  ),
  qbwc(
    1026,
    'QuickBooks refused to store the FileID',
    [],
    'QuickBooks returned an error when the Web Connector tried to stamp the FileID into the company file, often because that FileID is already in use.',
  ),
  qbwc(
    1027,
    'Error while adding the FileID to the company file',
    [],
    "An unexpected error happened while the Web Connector stamped this application's FileID into the company file.",
  ),
  qbwc(
    1039,
    'There was a problem adding the application',
    ['There was a problem adding the application', 'Unique OwnerID/FileID pair value required'],
    'The Web Connector could not register the .qwc file, either because the file is incomplete or because the company file already carries a stamp from this application.',
  ),
  qbwc(
    1048,
    'Could not verify the web application server certificate',
    ['Could not verify the web application server certificate'],
    "Windows does not trust the service's HTTPS certificate, or the certificate URL asks for a login.",
  ),

  // The Web Connector itself: log file, app list, passwords
  qbwc(1005, 'Problem with the log file', [], 'The Web Connector could not create or write its log file, QWCLog.txt.'),
  qbwc(1006, 'Problem with the log file', [], 'The Web Connector could not create or write its log file, QWCLog.txt.'),
  qbwc(1033, 'Problem with the log file', [], 'The Web Connector could not create or write its log file, QWCLog.txt.'),
  qbwc(
    1085,
    'Problem with the log file (newer versions)',
    [],
    'Newer Web Connector versions report this when they cannot use their log file; the exact wording is not confirmed.',
  ),
  qbwc(
    1011,
    'The application is missing from the registry',
    [],
    'The application listed in the Web Connector window has no matching settings in the Windows registry.',
  ),
  qbwc(
    1032,
    'The application was removed before a scheduled update',
    [],
    'A scheduled update started for an application whose settings are no longer in the Windows registry.',
  ),
  qbwc(1016, 'No application was selected for update', [], 'Update Selected was clicked while no application row was ticked.'),
  qbwc(1018, 'No applications to select', [], 'Select All was used while no application is loaded in the Web Connector.'),
  qbwc(1019, 'No applications to unselect', [], 'Unselect All was used while no application is loaded in the Web Connector.'),
  qbwc(
    1020,
    'Scheduled updates are pending',
    [],
    'A warning that closing the Web Connector stops the scheduled (Auto-Run) updates until it is opened again.',
  ),
  qbwc(1028, 'Could not encrypt the password', [], 'The Web Connector could not encrypt the stored application password.'),
  qbwc(1029, 'Could not decrypt the password', [], 'The Web Connector could not decrypt the stored application password.'),
  qbwc(
    1038,
    'Problem with the password master key',
    [],
    "The Web Connector's master key for stored passwords is missing or damaged.",
  ),
  qbwc(
    1030,
    'No password is set for the application',
    ['Password is not available for application', 'You need to enter a password before you can update'],
    'The application row has no password, so the Web Connector has nothing to send.',
  ),
  qbwc(
    1040,
    'No valid user name or password was provided',
    [],
    'The Web Connector itself had no usable user name or password to send to the service.',
  ),
  qbwc(
    1034,
    'Error setting AuthFlags',
    [],
    'The Web Connector could not pass the AuthFlags setting of the .qwc file to QuickBooks, often because the QuickBooks SDK components are damaged.',
  ),

  // During an update
  qbwc(
    1007,
    'Unable to connect to QuickBooks',
    [],
    'The Web Connector could not open a connection to QuickBooks during an update, even after retrying.',
  ),
  qbwc(
    1008,
    'Unable to connect to QuickBooks: the task did not complete',
    [],
    "The Web Connector's attempt to reach QuickBooks during an update did not finish.",
  ),
  qbwc(
    1009,
    'Unable to connect to QuickBooks: the retry was cancelled',
    [],
    'The person at the PC cancelled the retry while the Web Connector was trying to reach QuickBooks during an update.',
  ),
  qbwc(
    1012,
    'Authentication failed due to an error',
    ['Authentication failed due to following error message', 'The request was aborted: The connection was closed unexpectedly'],
    'The authenticate call to the service failed outright (an HTML page, an HTTP error, a TLS or network failure), which is different from a wrong password.',
  ),
  qbwc(
    1013,
    'Error connecting to QuickBooks',
    [],
    'QuickBooks refused the connection, and the Web Connector passed the QuickBooks error code on to the service.',
  ),
  qbwc(
    1014,
    'Could not get company information from QuickBooks',
    [],
    'The Web Connector could not read the host, company or preferences information it asks QuickBooks for at the start of an update.',
  ),
  qbwc(
    1015,
    'Error while closing the QuickBooks session',
    [],
    'Something went wrong while the Web Connector ended its QuickBooks session, usually after the work was done.',
  ),
  qbwc(
    1017,
    'Some applications failed during the update',
    [],
    'During an update of several applications, the listed ones failed.',
  ),
  qbwc(
    1021,
    'Could not determine the QuickBooks request processor version',
    [],
    'The Web Connector could not tell which version of the QuickBooks request processor (QBXMLRP) is installed.',
  ),
  qbwc(
    1031,
    'A scheduled update finished with errors',
    ['Update completed with some error'],
    'An Auto-Run update ran but ended with errors, and the service was told.',
  ),
  qbwc(
    1036,
    'The clientVersion call failed',
    [],
    "The service failed while answering the Web Connector's version check (clientVersion).",
  ),
  qbwc(
    1037,
    'The application sent a warning or an error about the version',
    [],
    'The service answered the version check with its own warning or error, usually asking for a newer Web Connector.',
  ),
  qbwc(
    1041,
    'The sendRequestXML call failed',
    ['SendRequestXML failed'],
    'The service failed while the Web Connector asked it for work (sendRequestXML).',
  ),
  qbwc(
    1042,
    'The receiveResponseXML call failed',
    ['ReceiveResponseXML failed'],
    "The service failed while the Web Connector handed it QuickBooks' answer (receiveResponseXML).",
  ),
  qbwc(
    1043,
    'The getLastError call failed',
    [],
    'The service failed while the Web Connector asked it for its last error (getLastError).',
  ),
  qbwc(
    1044,
    'The closeConnection call failed',
    [],
    'The service failed while the Web Connector closed the session (closeConnection).',
  ),
  qbwc(
    1045,
    'The connectionError call failed',
    [],
    'The service failed while the Web Connector reported a QuickBooks connection error to it (connectionError).',
  ),
  qbwc(
    1046,
    'The clientVersion answer has bad syntax',
    [],
    'The service answered the version check with text the Web Connector cannot read.',
  ),
  qbwc(
    1053,
    'A dialog box is open in QuickBooks',
    ['A modal dialog box is showing in the QuickBooks user interface'],
    'QuickBooks was showing a window that waits for an answer, so the Web Connector could not connect until someone dealt with it.',
  ),
  entry(
    'msg-object-reference',
    'Object reference not set to an instance of an object',
    [],
    ['Object reference not set to an instance of an object'],
    'An internal error of the Web Connector program during the step named just before it, such as saving an application or handling an answer from the service.',
  ),

  // HRESULT codes
  hresult(
    '0x80040400',
    'QuickBooks found an error when parsing the provided XML text stream.',
    'QuickBooks could not read the request the service sent, because the qbXML is malformed or not valid for its version.',
  ),
  hresult('0x80040401', 'Could not access QuickBooks.', 'The QuickBooks SDK could not reach QuickBooks to run the request.'),
  hresult(
    '0x80040402',
    'Unexpected error. Check the qbsdklog.txt file.',
    'QuickBooks hit an error it does not name; its SDK log has the details.',
  ),
  hresult(
    '0x80040408',
    'Could not start QuickBooks.',
    'QuickBooks could not be opened or started for the requested company file, most often because another file is open or QuickBooks is busy.',
  ),
  hresult(
    '0x80040420',
    'The QuickBooks user has denied access.',
    'QuickBooks refused the application because its access was denied or is no longer allowed to log in automatically.',
  ),

  // Connection and network
  entry(
    'msg-wc-not-running',
    'The Web Connector is not running (connection not active)',
    [],
    [],
    'Nothing reaches the service because the PC is off or asleep, nobody is logged in to Windows, or the Web Connector is closed or not set to Auto-Run.',
  ),
  entry(
    'flow-not-hearing',
    'The connection flow never hears from the Web Connector',
    [],
    [],
    'The connection flow is waiting for a first update that never arrives, usually because the update was not started, the password was not saved, or the Web Connector could not reach the service.',
  ),
  entry(
    'endpoint-unreachable',
    'The service could not be reached',
    [],
    ['Unable to connect to the remote server', 'The remote name could not be resolved'],
    'The Web Connector (or a browser check) could not open a connection to the service URL at all.',
  ),
  entry(
    'msg-tls',
    'Could not create SSL/TLS secure channel (TLS 1.2)',
    [],
    ['Could not create SSL/TLS secure channel', 'The underlying connection was closed'],
    'Windows on the QuickBooks PC and the service could not agree on a secure HTTPS connection, usually because TLS 1.2 is not enabled on the PC or the certificate chain is incomplete.',
  ),
  entry(
    'msg-404',
    'HTTP 404 from the service URL',
    ['HTTP 404'],
    ['The request failed with HTTP status 404'],
    'The service URL in the .qwc file points at a path where no SOAP service answers.',
  ),
  entry(
    'msg-http-status',
    'The service answered with an HTTP error',
    ['HTTP 500'],
    ['The request failed with HTTP status'],
    'The service answered with an HTTP error status (such as 401, 403, 500 or 503) instead of a SOAP response.',
  ),
  entry(
    'msg-not-xml',
    'The service answered with HTML or malformed XML',
    [],
    ["Client found response content type of 'text/html'", 'Response is not well-formed XML'],
    'The service sent something that is not a SOAP XML response, typically an error page, a login page or XML with a stray error message in it.',
  ),
  entry(
    'browser-cors',
    'A browser check is blocked, but the Web Connector is not (CORS)',
    [],
    ['blocked by CORS policy'],
    "The browser refused to show the service's answer to this site because the service does not allow cross-origin requests, a rule that does not apply to the Web Connector.",
  ),
];
