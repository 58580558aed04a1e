import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { UploadProgress } from '../../../shared/components/UploadProgress.js';
import type { AttachmentUploads } from '../../../shared/hooks/useAttachmentUploads.js';
import type { VaultReuse } from '../../digitization/hooks/useVaultReuse.js';
import { dossierPagePath, type CreatedDossier } from '../api/dossiers-api.js';
import { formatAppointment } from '../dossier-format.js';
import { scanStateLabel, scanStates, type ComponentLine } from '../intake-form.js';
import { useDossier } from '../hooks/useDossiers.js';
import { FormLink } from './FormLinks.js';

interface IntakeSuccessProps {
  created: CreatedDossier;
  /** The components received. */
  components: readonly ComponentLine[];
  /** Their scans, being sent to the new dossier. */
  uploads: AttachmentUploads;
  /** The components met from the citizen's data vault, being filed on the new dossier. */
  reuse: VaultReuse;
  onNext: () => void;
}

/** After intake: the code to write on the file, the appointment, what is digitized, and the way to the dossier. */
export function IntakeSuccess({ created, components, uploads, reuse, onNext }: IntakeSuccessProps) {
  const headingRef = useRef<HTMLParagraphElement>(null);
  const dossier = useDossier(created.id);
  useEffect(() => headingRef.current?.focus(), []);
  const appointment = dossier.data?.appointmentAt;
  // Received incomplete: a supplement request (form 02), not accepted, no appointment.
  const incomplete = created.status === 'receptionSupplement';
  return (
    <Stack gap="md">
      <Alert
        color={incomplete ? 'govBlue' : 'green'}
        variant="light"
        title={incomplete ? 'Đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' : 'Đã tiếp nhận hồ sơ'}
        data-testid="intake-success"
        classNames={{ title: 'dos-success-title' }}
      >
        <Stack gap="sm">
          <Text ref={headingRef} tabIndex={-1} fw={700}>
            Mã hồ sơ:{' '}
            <span className="mono" data-testid="intake-code">
              {created.code}
            </span>
          </Text>
          {appointment && !incomplete ? (
            <Text size="sm">
              Ngày hẹn trả kết quả: <time dateTime={appointment}>{formatAppointment(appointment)}</time>
            </Text>
          ) : null}
          {incomplete ? (
            <Text size="sm">
              Hồ sơ chưa được tiếp nhận, chưa tính thời hạn giải quyết. In Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02) giao cho người nộp:{' '}
              <FormLink dossierId={created.id} form="02" label="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" />
            </Text>
          ) : (
            <Text size="sm">
              In Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01) giao cho người nộp:{' '}
              <FormLink dossierId={created.id} form="01" label="Giấy tiếp nhận hồ sơ và hẹn trả kết quả" />
            </Text>
          )}
          <Group gap="sm">
            <Anchor component={Link} to={dossierPagePath(created.id)} fw={700}>
              Xem hồ sơ {created.code}
            </Anchor>
            <Button variant="default" size="xs" onClick={onNext} disabled={uploads.busy || reuse.busy}>
              Tiếp nhận hồ sơ khác
            </Button>
          </Group>
        </Stack>
      </Alert>
      {components.length > 0 ? <Digitization components={components} uploads={uploads} reuse={reuse} /> : null}
    </Stack>
  );
}

/** Which received components now have their scans on the dossier, and the progress of each file. */
function Digitization({ components, uploads, reuse }: { components: readonly ComponentLine[]; uploads: AttachmentUploads; reuse: VaultReuse }) {
  const states = scanStates(components, uploads.items, new Set(reuse.items.filter((r) => r.status === 'done').map((r) => r.componentCode)));
  const failed = reuse.items.filter((r) => r.status === 'failed');
  return (
    <Stack gap="sm" component="section" aria-labelledby="so-hoa-thanh-phan">
      <Title order={2} size="h4" id="so-hoa-thanh-phan">
        Số hóa thành phần hồ sơ
      </Title>
      <ul className="dos-history" data-testid="scan-states">
        {states.map((s) => (
          <li key={s.code} data-state={s.state}>
            {s.name}:{' '}
            <Text component="span" size="sm" fw={700} c={s.state === 'failed' ? 'govRed.9' : undefined}>
              {scanStateLabel(s)}
            </Text>
          </li>
        ))}
      </ul>
      {failed.length > 0 ? (
        <Alert color="govRed" variant="light" title="Chưa lấy được giấy tờ từ kho dữ liệu" role="alert" data-testid="reuse-failed">
          <ul className="dos-history">
            {failed.map((r) => (
              <li key={r.componentCode}>
                {components.find((c) => c.code === r.componentCode)?.name ?? r.componentCode}: {r.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {uploads.items.length > 0 ? (
        <UploadProgress uploads={uploads} headingOrder={3} titleSize="h5" title="Gửi bản scan" savedText="Hồ sơ đã được tiếp nhận" />
      ) : null}
    </Stack>
  );
}
