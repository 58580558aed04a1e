import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatIsoDate, todayInVietnam } from '../../../shared/format.js';
import { ProcedureSearchForm } from '../../portal/components/ProcedureSearchForm.js';
import { procedurePagePath } from '../api/catalogue-api.js';
import { useProcedureVersions } from '../hooks/useProcedure.js';
import { procedureStatusNotice, type ProcedureStatusNotice } from '../procedure-status.js';

function StatusNotice({ notice }: { notice: ProcedureStatusNotice }) {
  if (notice.kind === 'upcoming') {
    return (
      <Alert color="govBlue" variant="light" title="Thủ tục chưa có hiệu lực">
        Thủ tục “{notice.name}” sẽ được áp dụng từ ngày {formatIsoDate(notice.from)}.
      </Alert>
    );
  }
  const what = notice.kind === 'abolished' ? 'đã bị bãi bỏ' : notice.kind === 'replaced' ? 'đã được thay thế' : 'không còn được áp dụng';
  return (
    <Alert color="govBlue" variant="light" title="Thủ tục không còn hiệu lực">
      <Text size="sm">
        Thủ tục “{notice.name}” {what}, áp dụng đến hết ngày {formatIsoDate(notice.until)}.
      </Text>
      {notice.replacedBy ? (
        <Anchor component={Link} to={procedurePagePath(notice.replacedBy)} size="sm">
          Xem thủ tục thay thế (mã {notice.replacedBy})
        </Anchor>
      ) : null}
    </Alert>
  );
}

/** A code that is not (or no longer) in the catalogue, e.g. from an old printed QR code. The page sets the title. */
export function ProcedureNotFound({ code, known }: { code: string; known: boolean }) {
  const [today] = useState(() => todayInVietnam());
  const { data } = useProcedureVersions(known ? code : null);
  const notice = data ? procedureStatusNotice(data.versions, today) : null;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>Không tìm thấy thủ tục</Title>
        <Text>
          Không có thủ tục hành chính đang có hiệu lực với mã <strong className="mono break-anywhere">{code}</strong>. Đường dẫn có thể chưa đúng, hoặc thủ tục
          đã được sửa đổi, thay thế hay bãi bỏ.
        </Text>
      </Stack>
      {notice ? <StatusNotice notice={notice} /> : null}
      <Paper withBorder p="lg">
        <ProcedureSearchForm />
      </Paper>
      <Group gap="lg" component="nav" aria-label="Gợi ý">
        <Anchor component={Link} to="/thu-tuc">
          Xem danh mục thủ tục hành chính
        </Anchor>
        <Anchor component={Link} to="/">
          Về trang chủ
        </Anchor>
      </Group>
    </Stack>
  );
}
