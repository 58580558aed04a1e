import { Anchor, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ATTACHMENT_ACCEPT, checkAttachment, formatFileSize } from '../../../shared/attachments.js';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { formatDateTime } from '../../../shared/format.js';
import { toBase64 } from '../../digitization/scan-pages.js';
import { addEvidence, evidencePath, type EvidenceRow, type ParAssessment } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { FormFooter } from './ActionMessage.js';

interface EvidencePanelProps {
  assessment: ParAssessment;
  subCode: string;
  evidence: readonly EvidenceRow[];
  /** The unit may still add evidence. */
  canAdd: boolean;
  actions: ParActions;
}

/** A file (PDF, PNG, JPEG, at most 10 MB) sent in base64; the server judges it by its content again. */
function AddFileForm({ assessment, subCode, actions }: Omit<EvidencePanelProps, 'evidence' | 'canAdd'>) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const key = `file-${subCode}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = file ? checkAttachment(file) : ({ ok: false, message: 'Chọn tệp kiểm chứng.' } as const);
    setProblem(checked.ok ? null : checked.message);
    if (!checked.ok || !file) return;
    const body = {
      kind: 'file' as const,
      name: file.name.slice(0, 300),
      contentType: checked.contentType,
      data: toBase64(new Uint8Array(await file.arrayBuffer())),
    };
    const done = await actions.run(key, () => addEvidence(assessment.round.id, assessment.unitCode, subCode, body), `Đã thêm tệp “${file.name}”.`);
    if (done) {
      setFile(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Thêm tệp kiểm chứng cho tiêu chí ${subCode}`}>
      <Stack gap={6}>
        <label htmlFor={inputId}>
          <Text component="span" size="sm" fw={500}>
            Tệp kiểm chứng (PDF, PNG hoặc JPEG, tối đa 10 MB)
          </Text>
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept={ATTACHMENT_ACCEPT}
          className="par-file-input"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setProblem(null);
          }}
        />
        <ProblemList problems={problem ? [problem] : []} />
        <FormFooter actions={actions} actionKey={key}>
          Tải tệp lên
        </FormFooter>
      </Stack>
    </form>
  );
}

/** A link (a legal document, one of motcua's own reports), opened in a new tab. */
function AddLinkForm({ assessment, subCode, actions }: Omit<EvidencePanelProps, 'evidence' | 'canAdd'>) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<{ name?: string; url?: string }>({});
  const key = `link-${subCode}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: { name?: string; url?: string } = {};
    if (name.trim() === '') found.name = 'Nhập tên tài liệu.';
    if (!/^https?:\/\/\S+$/i.test(url.trim())) found.url = 'Nhập địa chỉ bắt đầu bằng https:// hoặc http://.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = { kind: 'link' as const, name: name.trim(), url: url.trim() };
    const done = await actions.run(key, () => addEvidence(assessment.round.id, assessment.unitCode, subCode, body), `Đã thêm liên kết “${name.trim()}”.`);
    if (done) {
      setName('');
      setUrl('');
    }
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Thêm liên kết kiểm chứng cho tiêu chí ${subCode}`}>
      <Stack gap={6}>
        <TextInput label="Tên tài liệu" size="sm" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={300} />
        <TextInput
          label="Địa chỉ liên kết"
          size="sm"
          type="url"
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors.url}
        />
        <FormFooter actions={actions} actionKey={key}>
          Thêm liên kết
        </FormFooter>
      </Stack>
    </form>
  );
}

/** A sub-criterion's evidence: files (downloads) and links (new tab), and, while the unit scores, adding more. */
export function EvidencePanel({ assessment, subCode, evidence, canAdd, actions }: EvidencePanelProps) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={700}>
        Tài liệu kiểm chứng đã có
      </Text>
      {evidence.length === 0 ? (
        <Text size="sm">Chưa có tài liệu kiểm chứng.</Text>
      ) : (
        <ul className="par-evidence" data-testid={`minh-chung-${subCode}`}>
          {evidence.map((e) => (
            <li key={e.id} className="break-anywhere">
              {e.kind === 'file' ? (
                <Anchor href={evidencePath(assessment.round.id, assessment.unitCode, e.id)} download={e.name} size="sm">
                  {e.name}
                </Anchor>
              ) : (
                <Anchor href={e.url ?? '#'} target="_blank" rel="noopener noreferrer" size="sm">
                  {e.name} <span className="par-hint">(liên kết, mở trong thẻ mới)</span>
                </Anchor>
              )}{' '}
              <Text component="span" size="xs" c="gray.7">
                {e.kind === 'file' && e.size !== null ? `${formatFileSize(e.size)} · ` : ''}
                {formatDateTime(e.createdAt)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <details className="par-details">
          <summary>Thêm tài liệu kiểm chứng</summary>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mt="xs">
            <AddFileForm assessment={assessment} subCode={subCode} actions={actions} />
            <AddLinkForm assessment={assessment} subCode={subCode} actions={actions} />
          </SimpleGrid>
        </details>
      ) : null}
    </Stack>
  );
}
