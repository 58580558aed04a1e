/** The procedure record on the wire (API, import files): the contract's schemas, under the names the server's code uses. */
export { ProcedureCode, ProcedureRecord as ProcedureRecordSchema } from '../../contract/procedure.js';
