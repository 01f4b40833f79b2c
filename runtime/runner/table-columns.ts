/** The runner's conversions live with the Table, browser-safe, so the studio preview shares them. */
export { columnFromOutput, toInputColumn } from '../table/sandbox-columns';
