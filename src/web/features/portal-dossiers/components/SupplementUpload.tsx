import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ComponentAttachments, type AttachmentWording } from '../../../shared/components/ComponentAttachments.js';
import { UploadProgress } from '../../../shared/components/UploadProgress.js';
import type { Attachments, UploadJob } from '../../../shared/attachments.js';
import { useAttachmentUploads } from '../../../shared/hooks/useAttachmentUploads.js';
import type { DossierDetail } from '../api/portal-dossiers-api.js';
import type { UploadSlot } from '../applicant-files.js';

const WORDING: AttachmentWording = { pick: 'Chọn tệp', disabledHint: '', disabledNote: '' };

interface SupplementUploadProps {
  dossier: Pick<DossierDetail, 'id' | 'status'>;
  /** Where files may go now (uploadSlots of the server's uploadComponents). */
  slots: readonly UploadSlot[];
  /** Some file reached the server: reload the dossier's files. */
  onSent: () => void;
}

/**
 * The applicant sends the papers asked for, as electronic copies (PDF, PNG, JPEG up to 10 MB each), one picker
 * per place they may go; each file is sent at once with its progress, and may be sent again if it failed.
 */
export function SupplementUpload({ dossier, slots, onSent }: SupplementUploadProps) {
  const uploads = useAttachmentUploads();
  const [chosen, setChosen] = useState<Attachments>({});
  const [problem, setProblem] = useState<string | null>(null);
  const done = uploads.items.filter((i) => i.status === 'done').length;
  const sentBefore = useRef(0);

  // Each file that reached the server shows in the dossier's list at once.
  useEffect(() => {
    if (done > sentBefore.current) onSent();
    sentBefore.current = done;
  }, [done, onSent]);

  const jobs: UploadJob[] = slots.flatMap((slot) =>
    (chosen[slot.code] ?? []).map((attachment) => ({
      id: attachment.id,
      componentCode: slot.code,
      componentName: slot.name,
      form: 'electronic',
      digitized: false,
      attachment,
    })),
  );

  function send() {
    if (jobs.length === 0) {
      setProblem('Vui lòng chọn ít nhất một tệp để gửi.');
      return;
    }
    setProblem(null);
    sentBefore.current = 0;
    uploads.start(dossier.id, jobs);
    setChosen({});
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="gui-giay-to-bo-sung" data-testid="supplement-upload">
      <Stack gap="md">
        <Title order={2} size="h3" id="gui-giay-to-bo-sung">
          Gửi giấy tờ bổ sung
        </Title>
        <Text size="sm">
          Chọn bản điện tử (ảnh chụp hoặc bản quét) của từng giấy tờ được yêu cầu, rồi bấm “Gửi giấy tờ bổ sung”.
          {dossier.status === 'receptionSupplement'
            ? ' Khi đã gửi đủ, bấm “Nộp lại hồ sơ đã bổ sung” để cán bộ một cửa tiếp nhận.'
            : ' Cơ quan giải quyết sẽ kiểm tra và xác nhận đã nhận hồ sơ bổ sung.'}
        </Text>
        {slots.map((slot) => (
          <Stack key={slot.code} gap={4}>
            <Text fw={600} className="break-anywhere">
              {slot.name}
            </Text>
            <ComponentAttachments
              componentKey={slot.code}
              componentName={slot.name}
              disabled={false}
              attachments={chosen[slot.code] ?? []}
              onChange={(attachments) => {
                setProblem(null);
                setChosen((previous) => ({ ...previous, [slot.code]: attachments }));
              }}
              wording={WORDING}
            />
          </Stack>
        ))}
        {problem ? (
          <Alert color="govRed" variant="light" role="alert" title="Chưa gửi được">
            {problem}
          </Alert>
        ) : null}
        <Button onClick={send} loading={uploads.busy} style={{ alignSelf: 'flex-start' }}>
          Gửi giấy tờ bổ sung
        </Button>
        {uploads.items.length > 0 ? <UploadProgress uploads={uploads} headingOrder={3} titleSize="h4" title="Tệp đang gửi" /> : null}
      </Stack>
    </Paper>
  );
}
