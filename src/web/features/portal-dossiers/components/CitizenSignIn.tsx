import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { vneidLoginUrl } from '../portal-dossier-paths.js';

interface CitizenSignInProps {
  title: string;
  message: string;
  /** The page to come back to after the eID login. */
  returnTo: string;
}

/** A page that needs a citizen: one button to the eID (VNeID) login, which brings them back here. */
export function CitizenSignIn({ title, message, returnTo }: CitizenSignInProps) {
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Paper withBorder p="lg">
        <Stack gap="md" align="flex-start">
          <Text>{message}</Text>
          <Button component="a" href={vneidLoginUrl(returnTo)}>
            Đăng nhập bằng VNeID
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
