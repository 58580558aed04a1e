import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ComingSoon } from '../../../shared/components/ComingSoon.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { DossierLookupForm } from './DossierLookupForm.js';

/** Placeholder until dossiers exist: echoes the dossier code. */
export function DossierLookupPage() {
  const [params] = useSearchParams();
  const code = params.get('ma')?.trim() ?? '';
  usePageTitle('Tra cứu hồ sơ');

  return (
    <Stack gap="lg">
      <Title order={1}>Tra cứu hồ sơ</Title>
      <Text data-testid="dossier-code">
        {code ? (
          <>
            Mã hồ sơ: <span className="mono">{code}</span>
          </>
        ) : (
          'Bạn chưa nhập mã hồ sơ.'
        )}
      </Text>
      <ComingSoon>Chức năng tra cứu tình trạng hồ sơ sẽ sớm được đưa vào sử dụng.</ComingSoon>
      <Paper withBorder p="lg">
        <DossierLookupForm key={code} initialCode={code} />
      </Paper>
      <Anchor component={Link} to="/">
        Về trang chủ
      </Anchor>
    </Stack>
  );
}
