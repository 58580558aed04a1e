import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { SITE_NAME } from '../../../shared/site.js';
import { DossierLookupForm } from './DossierLookupForm.js';
import { ProcedureSearchForm } from './ProcedureSearchForm.js';

export function PortalHomePage() {
  usePageTitle(null);
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{SITE_NAME}</Title>
        <Text size="lg">Tìm hiểu thủ tục hành chính, nộp hồ sơ trực tuyến và theo dõi kết quả giải quyết mọi lúc, mọi nơi.</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <ProcedureSearchForm />
        </Paper>
        <Paper withBorder p="lg">
          <DossierLookupForm />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="lg" component="section" aria-labelledby="tien-ich-ngay-hen">
        <Title order={2} size="h3" id="tien-ich-ngay-hen" mb={4}>
          Tính ngày hẹn trả
        </Title>
        <Text mb="xs">Ước tính ngày hẹn trả kết quả theo giờ hành chính và lịch nghỉ lễ, Tết, nghỉ bù do Nhà nước công bố.</Text>
        <Anchor component={Link} to="/tinh-ngay-hen" fw={600}>
          Tính ngày hẹn trả kết quả
        </Anchor>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="phan-anh-kien-nghi">
        <Title order={2} size="h3" id="phan-anh-kien-nghi" mb={4}>
          Phản ánh, kiến nghị
        </Title>
        <Text mb="xs">Phản ánh về quy định, thủ tục hành chính và cán bộ giải quyết; xem câu trả lời của cơ quan nhà nước đã được công khai.</Text>
        <Group gap="md">
          <Anchor component={Link} to="/phan-anh-kien-nghi/gui" fw={600}>
            Gửi phản ánh
          </Anchor>
          <Anchor component={Link} to="/phan-anh-kien-nghi" fw={600}>
            Xem câu trả lời
          </Anchor>
          <Anchor component={Link} to="/phan-anh-kien-nghi/tra-cuu" fw={600}>
            Tra cứu phản ánh
          </Anchor>
        </Group>
      </Paper>
    </Stack>
  );
}
