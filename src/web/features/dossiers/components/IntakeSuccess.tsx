import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { dossierPagePath, type CreatedDossier } from '../api/dossiers-api.js';
import { formatAppointment } from '../dossier-format.js';
import { useDossier } from '../hooks/useDossiers.js';
import { FormLink } from './FormLinks.js';

/** After intake: the code to write on the file, the appointment, and the way to the dossier. */
export function IntakeSuccess({ created, onNext }: { created: CreatedDossier; onNext: () => void }) {
  const headingRef = useRef<HTMLParagraphElement>(null);
  const dossier = useDossier(created.id);
  useEffect(() => headingRef.current?.focus(), []);
  const appointment = dossier.data?.appointmentAt;
  return (
    <Alert color="green" variant="light" title="Đã tiếp nhận hồ sơ" data-testid="intake-success" classNames={{ title: 'dos-success-title' }}>
      <Stack gap="sm">
        <Text ref={headingRef} tabIndex={-1} fw={700}>
          Mã hồ sơ: <span className="mono" data-testid="intake-code">{created.code}</span>
        </Text>
        {appointment ? (
          <Text size="sm">
            Ngày hẹn trả kết quả: <time dateTime={appointment}>{formatAppointment(appointment)}</time>
          </Text>
        ) : null}
        <Text size="sm">
          In Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01) giao cho người nộp:{' '}
          <FormLink dossierId={created.id} form="01" label="Giấy tiếp nhận hồ sơ và hẹn trả kết quả" />
        </Text>
        <Group gap="sm">
          <Anchor component={Link} to={dossierPagePath(created.id)} fw={700}>
            Xem hồ sơ {created.code}
          </Anchor>
          <Button variant="default" size="xs" onClick={onNext}>
            Tiếp nhận hồ sơ khác
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
