/**
 * SOAP 1.1 codec for the eleven QuickBooks Web Connector methods: the method table (methods.ts),
 * the structure and safety scan (scan.ts), reading (read.ts) and writing (write.ts).
 */
export * from './methods';
export {MAX_REQUEST_ELEMENTS, MAX_XML_DEPTH, scanXmlStructure, type OutlineElement, type ScanOptions} from './scan';
export {parseFault, parseRequest, parseResponse, type ParseRequestOptions} from './read';
export {buildFault, buildRequest, buildResponse} from './write';
