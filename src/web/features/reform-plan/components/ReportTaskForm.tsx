import { Button, Group, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { toBase64 } from '../../digitization/scan-pages.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { reportReformTask, type ReformTaskDetail, type ReportReformTaskBody } from '../api/reform-plan-api.js';
import { checkEvidenceFile, EVIDENCE_ACCEPT } from '../reform-view.js';
import { ActionError } from './ActionError.js';

/**
 * The owner unit reports on its task: progress with a note, or completion with evidence (a PDF, PNG, JPEG, DOCX or
 * XLSX file of at most 10 MB, or a link), at the version the page shows.
 */
export function ReportTaskForm({ task, onDone }: { task: ReformTaskDetail; onDone: () => void }) {
  const hintId = useId();
  const [type, setType] = useState<'progress' | 'complete'>('progress');
  const [note, setNote] = useState('');
  const [evidenceKind, setEvidenceKind] = useState<'file' | 'link'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const send = useMutation(reportReformTask);

  async function body(): Promise<ReportReformTaskBody | string> {
    if (type === 'progress') return note.trim().length >= 3 ? { type, expectedVersion: task.version, note: note.trim() } : 'Cần ghi tiến độ thực hiện.';
    const common = { type, expectedVersion: task.version, note: note.trim() || null } as const;
    if (evidenceKind === 'link')
      return /^https?:\/\/\S+$/.test(url.trim())
        ? { ...common, evidence: { kind: 'link', url: url.trim() } }
        : 'Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.';
    if (!file) return 'Cần chọn tệp minh chứng.';
    const checked = checkEvidenceFile(file);
    if (!checked.ok) return checked.message;
    const data = toBase64(new Uint8Array(await file.arrayBuffer()));
    return { ...common, evidence: { kind: 'file', name: file.name.slice(0, 200), contentType: checked.contentType, data } };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = await body();
    setProblems(typeof built === 'string' ? [built] : []);
    if (typeof built === 'string') return;
    if ((await send.run(task.id, built)).ok) {
      setNote('');
      setFile(null);
      setUrl('');
      onDone();
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cchc-bao-cao">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm" maw={680}>
          <Title order={2} size="h3" id="cchc-bao-cao">
            Báo cáo thực hiện
          </Title>
          <Radio.Group value={type} onChange={(v) => setType(v as typeof type)} label="Nội dung báo cáo">
            <Group gap="md" mt={4}>
              <Radio value="progress" label="Tiến độ thực hiện" />
              <Radio value="complete" label="Đã hoàn thành (kèm minh chứng)" />
            </Group>
          </Radio.Group>
          <Textarea
            id="cchc-bao-cao-ghi-chu"
            label={type === 'progress' ? 'Tiến độ, kết quả đạt được' : 'Kết quả hoàn thành (không bắt buộc)'}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {type === 'complete' ? (
            <>
              <Radio.Group value={evidenceKind} onChange={(v) => setEvidenceKind(v as typeof evidenceKind)} label="Minh chứng">
                <Group gap="md" mt={4}>
                  <Radio value="file" label="Tệp đính kèm" />
                  <Radio value="link" label="Đường dẫn" />
                </Group>
              </Radio.Group>
              {evidenceKind === 'file' ? (
                <>
                  <label htmlFor="cchc-minh-chung">
                    <Text component="span" fw={500} size="sm">
                      Tệp minh chứng
                    </Text>
                  </label>
                  <input
                    id="cchc-minh-chung"
                    className="reform-file-input"
                    type="file"
                    accept={EVIDENCE_ACCEPT}
                    aria-describedby={hintId}
                    onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                  />
                  <Text id={hintId} size="sm">
                    Tệp PDF, PNG, JPEG, Word (DOCX) hoặc Excel (XLSX), không quá 10 MB.
                  </Text>
                </>
              ) : (
                <TextInput
                  id="cchc-minh-chung-link"
                  type="url"
                  label="Đường dẫn minh chứng (văn bản, báo cáo đã đăng)"
                  value={url}
                  onChange={(e) => setUrl(e.currentTarget.value)}
                />
              )}
            </>
          ) : null}
          <ProblemList problems={problems} />
          <ActionError error={send.error} title="Chưa gửi được báo cáo" />
          <Group>
            <Button type="submit" loading={send.pending}>
              Gửi báo cáo
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
