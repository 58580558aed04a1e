import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ComingSoon } from '../../../shared/components/ComingSoon.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { DossierLookupForm } from './DossierLookupForm.js';

/** Placeholder until dossiers exist: the lookup box, then the dossier code echoed back. */
export function DossierLookupPage() {
  const [params] = useSearchParams();
  const code = params.get('ma')?.trim() ?? '';
  usePageTitle('Tra cứu hồ sơ');

  return (
    <Stack gap="lg">
      <Title order={1}>Tra cứu hồ sơ</Title>
      <Paper withBorder p="lg">
        <DossierLookupForm key={code} initialCode={code} />
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="ket-qua-tra-cuu">
        <Title order={2} id="ket-qua-tra-cuu">
          Tình trạng hồ sơ
        </Title>
        <Text data-testid="dossier-code">
          {code ? (
            <>
              Mã hồ sơ: <span className="mono break-anywhere">{code}</span>
            </>
          ) : (
            'Bạn chưa nhập mã hồ sơ. Hãy nhập mã hồ sơ vào ô tra cứu ở trên.'
          )}
        </Text>
        <ComingSoon>Chức năng tra cứu tình trạng hồ sơ sẽ sớm được đưa vào sử dụng.</ComingSoon>
      </Stack>
      <Anchor component={Link} to="/" style={{ alignSelf: 'flex-start' }}>
        Về trang chủ
      </Anchor>
    </Stack>
  );
}
