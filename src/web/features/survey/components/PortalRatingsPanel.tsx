import { Code, Stack, Table, Text } from '@mantine/core';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { portalRatingsPath, type SurveyPortalRatings } from '../api/survey-api.js';
import { monthLabel } from '../survey-view.js';

/**
 * The month's answers in the national portal's DongBoDanhGia shape: one item per unit and procedure, as the monthly
 * ratings job sends them (this page only shows them), with the payload itself for the integrators.
 */
export function PortalRatingsPanel({ month }: { month: string }) {
  const aggregate = useApiQuery<SurveyPortalRatings>(portalRatingsPath(month));
  if (aggregate.loading) return <LoadingState label="Đang tổng hợp…" />;
  if (aggregate.error) return <ErrorState error={aggregate.error} title="Không tải được bản tổng hợp" onRetry={aggregate.reload} />;
  const data = aggregate.data;
  if (!data) return null;
  if (data.items.length === 0) return <Text role="status">{monthLabel(month)}: chưa có phiếu trả lời nào.</Text>;
  return (
    <Stack gap="sm" data-testid="survey-portal-ratings">
      <Text>
        {monthLabel(month)}: {data.answers} phiếu trả lời, {data.items.length} mục (mỗi đơn vị, thủ tục một mục).
      </Text>
      <div className="table-scroll" role="region" aria-label="Tổng hợp DongBoDanhGia (cuộn ngang để xem thêm cột)" tabIndex={0}>
        <Table withTableBorder striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Đơn vị (Madonvi)</Table.Th>
              <Table.Th scope="col">Thủ tục (MaThuTuc)</Table.Th>
              <Table.Th scope="col">Số người đánh giá</Table.Th>
              <Table.Th scope="col">Rất hài lòng</Table.Th>
              <Table.Th scope="col">Hài lòng</Table.Th>
              <Table.Th scope="col">Chưa hài lòng</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((item) => (
              <Table.Tr key={`${item.Madonvi} ${item.MaThuTuc}`}>
                <Table.Th scope="row">
                  {item.TenDonVi} ({item.Madonvi})
                </Table.Th>
                <Table.Td>{item.MaThuTuc}</Table.Td>
                <Table.Td>{item.TongSoNguoiDanhGia}</Table.Td>
                <Table.Td>{item.PhanTramDanhGiaRatHaiLong}</Table.Td>
                <Table.Td>{item.PhanTramDanhGiaHaiLong}</Table.Td>
                <Table.Td>{item.PhanTramDanhGiaChuaHaiLong}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <details>
        <summary>Dữ liệu gửi Cổng (JSON)</summary>
        <Code block>{JSON.stringify(data.items, null, 2)}</Code>
      </details>
    </Stack>
  );
}
