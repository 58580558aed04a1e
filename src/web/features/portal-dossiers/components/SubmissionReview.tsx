import { Alert, Anchor, Button, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ProcedureRecord } from '../../../../domain/catalogue/procedure.js';
import type { ApiError } from '../../../shared/api.js';
import { componentKey, normalizePhone, formLabel, serverIssues, type SubmissionDraft } from '../submission-form.js';
import { reviewedFormFields } from '../intake.js';
import type { IntakeForm, VaultDocument } from '../../data-vault/api/data-vault-api.js';
import { VAULT_SOURCE_TEXT } from '../../data-vault/vault-view.js';
import { vneidLoginUrl } from '../portal-dossier-paths.js';
import { ATTACHMENTS_NOT_SAVED, formatFileSize, type UploadJob } from '../../../shared/attachments.js';

interface SubmissionReviewProps {
  procedure: ProcedureRecord;
  draft: SubmissionDraft;
  unitName: string;
  applicantName: string;
  /** The e-form, to show what will be sent with the dossier. */
  intake: IntakeForm;
  /** The citizen's vault documents by id (those chosen for papers are named). */
  vaultDocuments: Readonly<Record<string, VaultDocument>>;
  pending: boolean;
  error: ApiError | null;
  /** This page, to come back to after logging in again (the draft is kept). */
  returnTo: string;
  onBack: () => void;
  onSubmit: () => void;
  /** The files to send once the dossier is created. */
  files: readonly UploadJob[];
}

/** Step 2: everything once more, the applicant's pledge, and the button that sends the dossier. */
export function SubmissionReview(props: SubmissionReviewProps) {
  const { procedure, draft, unitName, applicantName, intake, vaultDocuments, pending, error, returnTo, onBack, onSubmit, files } = props;
  const [pledged, setPledged] = useState(false);
  const [pledgeMissing, setPledgeMissing] = useState(false);
  const papers = procedure.components.flatMap((c, i) => {
    const choice = draft.components[componentKey(c, i)];
    return choice?.provided
      ? [{ ...c, copies: choice.copies, vaultDocument: choice.vaultDocumentId ? (vaultDocuments[choice.vaultDocumentId] ?? null) : null }]
      : [];
  });
  const declared = reviewedFormFields(intake, draft);
  const issues = error ? serverIssues(error.details, Object.fromEntries(intake.fields.map((f) => [f.key, f.label]))) : [];

  return (
    <Stack gap="lg">
      <section aria-labelledby="xem-lai-thong-tin">
        <Title order={3} id="xem-lai-thong-tin" mb="sm">
          Thông tin hồ sơ
        </Title>
        <dl className="pd-facts" data-testid="submission-review">
          <div>
            <dt>Thủ tục</dt>
            <dd>{procedure.name}</dd>
          </div>
          <div>
            <dt>Cơ quan giải quyết</dt>
            <dd>{unitName}</dd>
          </div>
          <div>
            <dt>Người nộp</dt>
            <dd>{applicantName}</dd>
          </div>
          <div>
            <dt>Địa chỉ liên hệ</dt>
            <dd>{draft.address.trim()}</dd>
          </div>
          <div>
            <dt>Số điện thoại</dt>
            <dd>{normalizePhone(draft.phone)}</dd>
          </div>
          <div>
            <dt>Thư điện tử</dt>
            <dd>{draft.email.trim() || 'Theo tài khoản định danh điện tử'}</dd>
          </div>
          {declared.map((f) => (
            <div key={f.key}>
              <dt>{f.label}</dt>
              <dd>{f.display}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="xem-lai-giay-to">
        <Title order={3} id="xem-lai-giay-to" mb="sm">
          Giấy tờ kèm theo
        </Title>
        {papers.length === 0 ? (
          <Text>Không có giấy tờ kèm theo.</Text>
        ) : (
          <List type="ordered" spacing="xs">
            {papers.map((p, i) => (
              <List.Item key={`${p.code}-${i}`}>
                {p.vaultDocument ? (
                  <>
                    {p.name} — Lấy từ kho dữ liệu: {p.vaultDocument.title} ({VAULT_SOURCE_TEXT[p.vaultDocument.source]})
                  </>
                ) : (
                  <>
                    {p.name} — {formLabel(p.form)}, {p.copies} bản
                  </>
                )}
                {files.some((f) => f.componentCode === p.code) ? (
                  <ul className="attachment-files" aria-label={`Tệp đính kèm: ${p.name}`}>
                    {files
                      .filter((f) => f.componentCode === p.code)
                      .map((f) => (
                        <li key={f.id}>
                          <Text size="sm" className="break-anywhere">
                            Tệp: {f.attachment.file.name} ({formatFileSize(f.attachment.file.size)})
                          </Text>
                        </li>
                      ))}
                  </ul>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
        {files.length > 0 ? (
          <Text size="sm" mt="sm" data-testid="review-files-note">
            {files.length} tệp đính kèm sẽ được gửi ngay sau khi nộp hồ sơ. {ATTACHMENTS_NOT_SAVED}.
          </Text>
        ) : null}
      </section>

      <Checkbox
        id="cam-doan"
        checked={pledged}
        onChange={(event) => {
          setPledged(event.currentTarget.checked);
          setPledgeMissing(false);
        }}
        label="Tôi xin cam đoan các thông tin đã khai là đúng sự thật và chịu trách nhiệm trước pháp luật về nội dung đã khai."
        error={pledgeMissing ? 'Vui lòng đánh dấu cam đoan trước khi nộp hồ sơ.' : undefined}
      />

      {error ? (
        <Alert color="govRed" variant="light" title="Chưa nộp được hồ sơ" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{error.message}</Text>
            {issues.length > 0 ? (
              <List size="sm">
                {issues.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            ) : null}
            {error.status === 401 ? (
              <Anchor href={vneidLoginUrl(returnTo)} size="sm">
                Phiên đăng nhập đã hết hạn: đăng nhập lại bằng VNeID (thông tin đã nhập vẫn được giữ)
              </Anchor>
            ) : null}
          </Stack>
        </Alert>
      ) : null}

      <Group gap="sm">
        <Button variant="outline" onClick={onBack} disabled={pending}>
          Sửa lại thông tin
        </Button>
        <Button
          size="md"
          loading={pending}
          onClick={() => {
            if (!pledged) {
              setPledgeMissing(true);
              document.getElementById('cam-doan')?.focus();
              return;
            }
            onSubmit();
          }}
        >
          Nộp hồ sơ
        </Button>
      </Group>
    </Stack>
  );
}
