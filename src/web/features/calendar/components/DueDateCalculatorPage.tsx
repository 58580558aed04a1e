import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { useDueCalculator } from '../hooks/useDueCalculator.js';
import { DueDateForm } from './DueDateForm.js';
import { DueDateResult } from './DueDateResult.js';

/**
 * Public page: the due date of a dossier, computed in the browser by the same engine as the server,
 * from the published holiday schedules and, when an agency is chosen, its office hours.
 */
export function DueDateCalculatorPage() {
  usePageTitle('Tính ngày hẹn trả');
  const { data: unitData, error: unitsError } = useUnits();
  const { state, calculate } = useDueCalculator();

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>Tính ngày hẹn trả</Title>
        <Text>
          Ước tính ngày hẹn trả kết quả từ thời điểm tiếp nhận hồ sơ và thời hạn giải quyết của thủ tục, theo giờ hành chính và lịch nghỉ lễ, Tết, nghỉ bù, làm
          bù do Nhà nước công bố.
        </Text>
      </Stack>
      <Paper withBorder p="lg">
        <DueDateForm
          units={unitData?.units}
          unitsError={unitsError ? `Không tải được danh sách cơ quan: ${unitsError.message}` : null}
          pending={state.status === 'pending'}
          onSubmit={(request) => void calculate(request)}
        />
      </Paper>
      {state.status === 'error' ? (
        <Alert color="govRed" variant="light" title="Không tính được ngày hẹn trả" role="alert">
          {state.message}
        </Alert>
      ) : null}
      {state.status === 'done' ? <DueDateResult outcome={state.outcome} units={unitData?.units} /> : null}
      <Anchor component={Link} to="/" style={{ alignSelf: 'flex-start' }}>
        Về trang chủ
      </Anchor>
    </Stack>
  );
}
