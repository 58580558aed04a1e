import '../results.css';
import { Button, FileButton, FileInput, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { certifyCopy, prepareResult, uploadResult, type PrepareBody, type ResultDocument } from '../api/results-api.js';
import type { ResultAction } from '../hooks/useResults.js';
import { KIND_LABELS, titleFromFileName } from '../results-view.js';

type PreparedKind = NonNullable<PrepareBody['kind']>;
const KINDS: PreparedKind[] = ['result', 'annex'];

/**
 * "Lập văn bản kết quả": a draft generated from the procedure's template (the dossier's data filled in), or the
 * official's own PDF; either gets the verification QR code. A new document may correct and replace an issued one.
 */
export function PrepareResultForm({ dossierId, items, action }: { dossierId: string; items: readonly ResultDocument[]; action: ResultAction }) {
  const [kind, setKind] = useState<PreparedKind>('result');
  const [title, setTitle] = useState('');
  const [replaces, setReplaces] = useState('');
  const resetFile = useRef<() => void>(null);
  const replaceable = items.filter((d) => d.status === 'signed' && d.kind !== 'certifiedCopy');
  const chosen = { kind, ...(replaces ? { replaces } : {}) };
  const clear = (done: boolean) => {
    resetFile.current?.();
    if (!done) return;
    setTitle('');
    setReplaces('');
  };

  const fromTemplate = async () => {
    const body: PrepareBody = { ...chosen, ...(title.trim() ? { title: title.trim() } : {}) };
    clear(await action.perform('Đang lập văn bản từ mẫu…', () => prepareResult(dossierId, body), 'Đã lập văn bản từ mẫu (bản nháp). Xem trước rồi trình ký.'));
  };
  const upload = async (file: File | null) => {
    if (!file) return;
    const query = { ...chosen, title: title.trim() || titleFromFileName(file.name) };
    const done = await action.perform(
      'Đang tải lên văn bản…',
      () => uploadResult(dossierId, file, query),
      `Đã tải lên “${query.title}” (bản nháp, đã đóng dấu mã QR).`,
    );
    clear(done);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="lap-van-ban-ket-qua" className="res-form">
      <Title order={3} size="h5" id="lap-van-ban-ket-qua">
        Lập văn bản kết quả
      </Title>
      <Group gap="sm" align="flex-start" grow preventGrowOverflow={false} className="res-fields">
        <NativeSelect
          label="Loại văn bản"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as PreparedKind)}
          data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <TextInput
          label="Tên văn bản"
          description="Để trống: lập từ mẫu dùng tên kết quả của thủ tục, tải lên dùng tên tệp."
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        {replaceable.length > 0 ? (
          <NativeSelect
            label="Đính chính, thay thế văn bản"
            value={replaces}
            onChange={(e) => setReplaces(e.currentTarget.value)}
            data={[{ value: '', label: 'Không (văn bản mới)' }, ...replaceable.map((d) => ({ value: d.id, label: d.title }))]}
          />
        ) : null}
      </Group>
      <Group gap="sm">
        <Button disabled={action.pending} onClick={() => void fromTemplate()}>
          Lập từ mẫu
        </Button>
        <FileButton
          onChange={(file) => void upload(file)}
          accept="application/pdf,.pdf"
          name="van-ban-ket-qua-pdf"
          resetRef={resetFile}
          disabled={action.pending}
        >
          {(props) => (
            <Button {...props} variant="outline" disabled={action.pending}>
              Tải lên PDF
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed">
        Hệ thống đóng dấu mã QR xác thực lên trang đầu. Văn bản là bản nháp cho đến khi được trình ký và ký số.
      </Text>
    </Stack>
  );
}

/**
 * "Chứng thực bản sao điện tử từ bản chính": the desk's scan of the original (PDF, PNG or JPEG) gets the
 * certification text, a number in the unit's register, and the unit's signature, at once.
 */
export function CertifyCopyForm({ dossierId, action }: { dossierId: string; action: ResultAction }) {
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<Partial<Record<'title' | 'file', string>>>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = title.trim();
    const found = {
      ...(name ? {} : { title: 'Vui lòng nhập tên giấy tờ được chứng thực.' }),
      ...(file ? {} : { file: 'Vui lòng chọn bản chụp của bản chính.' }),
    };
    setProblems(found);
    if (!file || !name) return;
    const done = await action.perform(
      'Đang chứng thực và ký số…',
      () => certifyCopy(dossierId, file, name),
      `Đã chứng thực bản sao “${name}” và vào sổ chứng thực.`,
    );
    if (!done) return;
    setTitle('');
    setFile(null);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="chung-thuc-ban-sao" className="res-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="chung-thuc-ban-sao">
          Chứng thực bản sao điện tử
        </Title>
        <Text size="sm">
          Bản chụp từ bản chính (PDF, PNG hoặc JPEG, tối đa 20 MB) được thêm lời chứng, vào sổ chứng thực của đơn vị và ký số bằng chứng thư số của cơ quan.
        </Text>
        <TextInput
          label="Tên giấy tờ được chứng thực"
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={problems.title}
          required
        />
        <FileInput
          label="Bản chụp bản chính"
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          value={file}
          onChange={setFile}
          placeholder="Chọn tệp…"
          className="res-file-input"
          clearable
          clearButtonProps={{ 'aria-label': 'Bỏ chọn tệp' }}
          error={problems.file}
          required
        />
        <Group gap="sm">
          <Button type="submit" disabled={action.pending}>
            Chứng thực và ký số
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
