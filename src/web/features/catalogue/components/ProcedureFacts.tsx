import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LEVEL_LABELS, SUBJECT_LABELS, type OnlineLevel } from '../../../../domain/catalogue/procedure.js';
import type { ProcedureDetail } from '../api/catalogue-api.js';
import { feeHeadline, summarizeTimeLimits } from '../catalogue-format.js';
import { implementingUnitsText } from '../unit-options.js';
import { OnlineLevelBadge } from './ProcedureBadges.js';

export const LOCATION_INDEPENDENT_TEXT = 'Có thể nộp tại bất kỳ Bộ phận Một cửa nào trong tỉnh';
const LOCATION_BOUND_TEXT = 'Nộp tại Bộ phận Một cửa của cơ quan, đơn vị thực hiện thủ tục';

const ONLINE_LEVEL_EXPLANATIONS = {
  full: 'Có thể nộp hồ sơ, nộp phí, lệ phí và nhận kết quả hoàn toàn trực tuyến.',
  partial: 'Có thể nộp hồ sơ trực tuyến; một số bước vẫn cần thực hiện trực tiếp, ví dụ xuất trình bản chính hoặc nhận kết quả.',
  none: 'Chưa nộp được hồ sơ trực tuyến: nộp theo các cách thức nêu dưới đây.',
} as const satisfies Record<OnlineLevel, string>;

interface ProcedureFactsProps {
  procedure: ProcedureDetail;
  nameOf: (code: string) => string | undefined;
}

/** The essentials at a glance: who, where, how long, how much, and how far it goes online. */
export function ProcedureFacts({ procedure, nameOf }: ProcedureFactsProps) {
  const { agency } = procedure;
  const coordinating = agency.coordinatingUnitCodes.map((code) => nameOf(code) ?? code);
  const rows: { label: string; value: ReactNode; testId?: string }[] = [
    { label: 'Mã thủ tục', value: <span className="mono">{procedure.code}</span>, testId: 'procedure-code' },
    { label: 'Lĩnh vực', value: procedure.fieldName ?? procedure.fieldCode },
    { label: 'Cấp thực hiện', value: LEVEL_LABELS[procedure.level] },
    { label: 'Cơ quan có thẩm quyền', value: agency.competentAuthority },
    { label: 'Cơ quan thực hiện', value: implementingUnitsText(agency.implementingUnitCodes, procedure.level, nameOf) },
    ...(coordinating.length > 0 ? [{ label: 'Cơ quan phối hợp', value: coordinating.join('; ') }] : []),
    { label: 'Đối tượng thực hiện', value: procedure.subjects.map((s) => SUBJECT_LABELS[s]).join(', ') || 'Chưa công bố' },
    {
      label: 'Thời hạn giải quyết',
      value: summarizeTimeLimits(procedure.methods.map((m) => ({ channel: m.channel, ...m.timeLimit }))) ?? 'Chưa công bố',
    },
    { label: 'Phí, lệ phí', value: feeHeadline(procedure.fees), testId: 'fee-headline' },
    {
      label: 'Dịch vụ công trực tuyến',
      value: (
        <>
          <Group gap="xs" mb={4}>
            <OnlineLevelBadge level={procedure.onlineLevel} />
          </Group>
          <Text size="sm">{ONLINE_LEVEL_EXPLANATIONS[procedure.onlineLevel]}</Text>
        </>
      ),
    },
    { label: 'Nơi nộp hồ sơ', value: procedure.locationIndependent ? LOCATION_INDEPENDENT_TEXT : LOCATION_BOUND_TEXT },
    {
      label: 'Nhận kết quả bản giấy',
      value: procedure.paperResultRequired ? 'Bắt buộc: kết quả được cấp bằng bản giấy' : 'Không bắt buộc: có thể nhận kết quả điện tử',
    },
  ];

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-label="Thông tin chung">
      <dl className="catalogue-facts">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd data-testid={row.testId}>{row.value}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}
