import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { procedurePath, procedureVersionsPath, type ProcedureDetail, type ProcedureVersionsResponse } from '../api/catalogue-api.js';

/** The version of a procedure in force today (public). Null skips the request. */
export function useProcedure(code: string | null): ApiQuery<ProcedureDetail> {
  return useApiQuery<ProcedureDetail>(code === null ? null : procedurePath(code));
}

/** Every version of a procedure, to explain why one is no longer in force. Null skips the request. */
export function useProcedureVersions(code: string | null): ApiQuery<ProcedureVersionsResponse> {
  return useApiQuery<ProcedureVersionsResponse>(code === null ? null : procedureVersionsPath(code));
}
