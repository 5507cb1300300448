/**
 * The endpoint's WSDL 1.1 (document/literal, wrapped), generated from the codec's method table so
 * the two cannot disagree. The Web Connector does not read it (its proxy is compiled in); SOAP
 * toolkits and people do.
 */
import {XMLBuilder} from 'fast-xml-parser';
import {QBWC_METHODS, QBWC_METHOD_NAMES, QBWC_NAMESPACE, type SoapMethodSpec} from '../qbwc/soap';

const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const HTTP_TRANSPORT = 'http://schemas.xmlsoap.org/soap/http';
const SERVICE_NAME = 'QBWebConnectorSvc';
const PORT_TYPE = `${SERVICE_NAME}Soap`;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  // nillable="true" must stay an attribute with a value.
  suppressBooleanAttributes: false,
  format: true,
  indentBy: '  ',
});

function element(name: string, type: string, required: boolean): Record<string, string> {
  return {'@_minOccurs': required ? '1' : '0', '@_maxOccurs': '1', '@_name': name, '@_type': type};
}

function schemaElements(): unknown[] {
  const elements: unknown[] = [];
  for (const name of QBWC_METHOD_NAMES) {
    const spec: SoapMethodSpec = QBWC_METHODS[name];
    const params = spec.params.map((param) => element(param.name, param.type === 'int' ? 's:int' : 's:string', param.required));
    elements.push({'@_name': name, 's:complexType': params.length ? {'s:sequence': {'s:element': params}} : ''});
    const resultType = spec.result === 'int' ? 's:int' : spec.result === 'string[]' ? 'tns:ArrayOfString' : 's:string';
    elements.push({
      '@_name': `${name}Response`,
      's:complexType': {'s:sequence': {'s:element': [element(`${name}Result`, resultType, spec.result === 'int')]}},
    });
  }
  return elements;
}

/** The WSDL text for a service reachable at `address` (the SOAP endpoint URL). */
/**
 * The service description at `address`; `productName` names whose test endpoint it is (in the
 * service's documentation, which WSDL tools show beside the service).
 */
export function buildWsdl(address: string, productName: string): string {
  const messages: unknown[] = [];
  const portOperations: unknown[] = [];
  const bindingOperations: unknown[] = [];
  for (const name of QBWC_METHOD_NAMES) {
    messages.push(
      {'@_name': `${name}SoapIn`, 'wsdl:part': {'@_name': 'parameters', '@_element': `tns:${name}`}},
      {'@_name': `${name}SoapOut`, 'wsdl:part': {'@_name': 'parameters', '@_element': `tns:${name}Response`}},
    );
    portOperations.push({
      '@_name': name,
      'wsdl:documentation': QBWC_METHODS[name].summary,
      'wsdl:input': {'@_message': `tns:${name}SoapIn`},
      'wsdl:output': {'@_message': `tns:${name}SoapOut`},
    });
    bindingOperations.push({
      '@_name': name,
      'soap:operation': {'@_soapAction': `${QBWC_NAMESPACE}${name}`, '@_style': 'document'},
      'wsdl:input': {'soap:body': {'@_use': 'literal'}},
      'wsdl:output': {'soap:body': {'@_use': 'literal'}},
    });
  }
  return builder.build({
    '?xml': {'@_version': '1.0', '@_encoding': 'utf-8'},
    'wsdl:definitions': {
      '@_xmlns:wsdl': WSDL_NS,
      '@_xmlns:soap': WSDL_SOAP_NS,
      '@_xmlns:s': XSD_NS,
      '@_xmlns:tns': QBWC_NAMESPACE,
      '@_targetNamespace': QBWC_NAMESPACE,
      '@_name': SERVICE_NAME,
      'wsdl:types': {
        's:schema': {
          '@_elementFormDefault': 'qualified',
          '@_targetNamespace': QBWC_NAMESPACE,
          's:element': schemaElements(),
          's:complexType': {
            '@_name': 'ArrayOfString',
            's:sequence': {
              's:element': {
                '@_minOccurs': '0',
                '@_maxOccurs': 'unbounded',
                '@_name': 'string',
                '@_nillable': 'true',
                '@_type': 's:string',
              },
            },
          },
        },
      },
      'wsdl:message': messages,
      'wsdl:portType': {'@_name': PORT_TYPE, 'wsdl:operation': portOperations},
      'wsdl:binding': {
        '@_name': PORT_TYPE,
        '@_type': `tns:${PORT_TYPE}`,
        'soap:binding': {'@_transport': HTTP_TRANSPORT},
        'wsdl:operation': bindingOperations,
      },
      'wsdl:service': {
        '@_name': SERVICE_NAME,
        'wsdl:documentation': `${productName}: QuickBooks Web Connector test endpoint`,
        'wsdl:port': {'@_name': PORT_TYPE, '@_binding': `tns:${PORT_TYPE}`, 'soap:address': {'@_location': address}},
      },
    },
  }) as string;
}
