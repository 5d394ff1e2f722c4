import { checkRows } from './row-checks';

/** The row checks on a worker thread (see RowChecker); piscina calls the default export with each chunk. */
export default checkRows;
