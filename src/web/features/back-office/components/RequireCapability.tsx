import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Capability } from '../../../../domain/access/roles.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../hooks/useCurrentOfficial.js';
import { holdsAny } from '../nav-items.js';

/** Shows its children only to roles holding `capability` (several: any one of them); the server enforces the same rule. */
export function RequireCapability({ capability, children }: { capability: Capability | readonly Capability[]; children: ReactNode }) {
  const user = useCurrentOfficial();
  if (holdsAny(user.role, capability)) return children;
  return <Forbidden />;
}

function Forbidden() {
  usePageTitle('Không có quyền truy cập');
  return (
    <Stack gap="md">
      <Title order={1}>Không có quyền truy cập</Title>
      <Alert color="govRed" variant="light" title="Chức năng không dành cho vai trò của bạn">
        Vai trò của bạn không được phép sử dụng chức năng này. Nếu cần, vui lòng liên hệ quản trị hệ thống.
      </Alert>
    </Stack>
  );
}
