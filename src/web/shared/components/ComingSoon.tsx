import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export const COMING_SOON_TEXT = 'Chức năng đang được hoàn thiện';

export function ComingSoon({ children }: { children?: ReactNode }) {
  return (
    <Alert color="govBlue" variant="light" title={COMING_SOON_TEXT}>
      <Text size="sm">{children ?? 'Chức năng này sẽ sớm được đưa vào sử dụng. Xin cảm ơn bạn đã kiên nhẫn.'}</Text>
    </Alert>
  );
}
