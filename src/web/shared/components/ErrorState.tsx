import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ApiError } from '../api.js';

interface ErrorStateProps {
  error: ApiError;
  title?: string;
  onRetry?: () => void;
}

/** The server's Vietnamese message, in an alert, with an optional retry. */
export function ErrorState({ error, title = 'Không tải được dữ liệu', onRetry }: ErrorStateProps) {
  return (
    <Alert color="govRed" variant="light" title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {onRetry ? (
          <Button size="xs" variant="outline" color="govRed" onClick={onRetry}>
            Thử lại
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
