/**
 * A client module: follows the "page not found" search box from the moment the site's code starts,
 * so words typed before the page's code arrived are not lost when the box is drawn anew
 * (see src/theme/NotFound/Content/typed-search.ts).
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import {followTypedSearch} from '../theme/NotFound/Content/typed-search';

if (ExecutionEnvironment.canUseDOM) followTypedSearch(document);

export {};
