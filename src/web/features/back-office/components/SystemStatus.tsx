import { Paper, Text, Title } from '@mantine/core';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';

interface Health {
  status: string;
  database: 'pglite' | 'postgresql';
  version: string;
}

const DATABASE_LABELS: Record<Health['database'], string> = {
  pglite: 'PGlite (nhúng, dùng cho thử nghiệm)',
  postgresql: 'PostgreSQL',
};

/** A line about the running system, from the public health endpoint. */
export function SystemStatus() {
  const { data, error, loading } = useApiQuery<Health>('/api/v1/health');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tinh-trang-he-thong">
      <Title order={2} size="h4" id="tinh-trang-he-thong" mb={4}>
        Tình trạng hệ thống
      </Title>
      <Text size="sm" role="status">
        {loading && 'Đang kiểm tra…'}
        {error && `Không lấy được tình trạng hệ thống: ${error.message}`}
        {data &&
          `${data.status === 'ok' ? 'Hoạt động bình thường' : `Trạng thái: ${data.status}`} · Cơ sở dữ liệu: ${DATABASE_LABELS[data.database] ?? data.database} · Phiên bản ${data.version}`}
      </Text>
    </Paper>
  );
}
