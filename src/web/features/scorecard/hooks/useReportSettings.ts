import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { REPORT_SETTINGS_PATH, type ReportSettings } from '../api/scorecard-api.js';

/** The province's cut-off day and minimum sample; undefined while they load (or if they cannot be read). */
export function useReportSettings(): ReportSettings | undefined {
  return useApiQuery<ReportSettings>(REPORT_SETTINGS_PATH).data;
}
