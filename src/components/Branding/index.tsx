import type {ReactNode} from 'react';
import useBranding from '../kit/useBranding';
import type {Branding} from '@site/src/branding';

interface Props {
  /** Which branding value to print; the product name by default. */
  field?: keyof Branding;
}

/** Prints a branding value inside prose, so no page hard-codes a vendor name. */
export default function Brand({field = 'productName'}: Props): ReactNode {
  return <>{useBranding()[field]}</>;
}
