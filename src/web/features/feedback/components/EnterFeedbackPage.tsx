import '../../portal-dossiers/portal-dossiers.css';
import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { enterFeedback, type FeedbackReceipt } from '../api/feedback-api.js';
import { ENTRY_MAX_FILES } from '../feedback-files.js';
import { EMPTY_ENTRY, entryBody, FIELD_IDS, validateEntry, type EntryChannel, type EntryValues } from '../feedback-form.js';
import { CHANNEL_OPTIONS, itemPage, QUEUE_PAGE } from '../feedback-view.js';
import { useFeedbackForm } from '../hooks/useFeedbackForm.js';
import { ErrorSummary } from './ErrorSummary.js';
import { FeedbackReceiptPanel } from './FeedbackReceiptPanel.js';
import { FeedbackTextFields } from './FeedbackTextFields.js';
import { FileAttachments } from './FileAttachments.js';
import { ReporterFieldset } from './ReporterFieldset.js';

const PAGE_TITLE = 'Nhập phản ánh, kiến nghị';
const ENTRY_CHANNELS = CHANNEL_OPTIONS.filter((c) => c.value !== 'portal');

function EntryForm({ unitCode, onSaved }: { unitCode: string | null; onSaved: (receipt: FeedbackReceipt) => void }) {
  const form = useFeedbackForm<EntryValues>(
    () => ({ ...EMPTY_ENTRY, unitCode }),
    (v) => validateEntry(v, new Date()),
  );
  const { values, errors, change } = form;
  const { data: unitData } = useUnits();
  const forwarded = values.channel === 'forwarded';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const receipt = await form.submit((attachments) => enterFeedback(entryBody(values, attachments)));
    if (receipt) onSaved(receipt);
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={PAGE_TITLE}>
      <Stack gap="lg">
        <ErrorSummary title="Phản ánh chưa lưu được" entries={form.summary} other={form.other} attempt={form.attempt} />
        <fieldset className="pd-fieldset">
          <legend>Tiếp nhận</legend>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              id={FIELD_IDS.channel}
              label="Kênh tiếp nhận"
              value={values.channel}
              onChange={(e) => change({ channel: e.currentTarget.value as EntryChannel | '' })}
              data={[{ value: '', label: 'Chọn kênh tiếp nhận' }, ...ENTRY_CHANNELS]}
              required
              error={errors.channel}
            />
            <TextInput
              id={FIELD_IDS.receivedAt}
              type="datetime-local"
              label={forwarded ? 'Thời điểm cơ quan đầu tiên tiếp nhận' : 'Thời điểm tiếp nhận (không bắt buộc)'}
              description={
                forwarded
                  ? 'Theo giờ Việt Nam; thời hạn xử lý tính từ thời điểm này'
                  : 'Theo giờ Việt Nam; để trống: bây giờ (thư nhận hôm trước: ghi ngày nhận)'
              }
              value={values.receivedAt}
              onChange={(e) => change({ receivedAt: e.currentTarget.value })}
              required={forwarded}
              error={errors.receivedAt}
            />
            {forwarded ? (
              <TextInput
                id={FIELD_IDS.forwardedFrom}
                label="Cơ quan chuyển đến"
                description="Ví dụ: Văn phòng Chính phủ, Bộ Tư pháp"
                value={values.forwardedFrom}
                onChange={(e) => change({ forwardedFrom: e.currentTarget.value })}
                maxLength={300}
                required
                error={errors.forwardedFrom}
              />
            ) : null}
          </SimpleGrid>
        </fieldset>
        <fieldset className="pd-fieldset">
          <legend>Nội dung phản ánh, kiến nghị</legend>
          <FeedbackTextFields values={values} errors={errors} onChange={change} units={unitData?.units} unitRequired />
        </fieldset>
        <ReporterFieldset values={values} errors={errors} onChange={change} legend="Người phản ánh" />
        <fieldset className="pd-fieldset">
          <legend>Tài liệu kèm theo</legend>
          <FileAttachments files={form.files} onChange={form.setFiles} max={ENTRY_MAX_FILES} error={errors.attachments} />
        </fieldset>
        <Group>
          <Button type="submit" size="md" loading={form.pending}>
            Lưu phản ánh
          </Button>
          <Button component={Link} to={QUEUE_PAGE} variant="subtle">
            Hủy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * /can-bo/phan-anh/nhap (feedback.handle): an official enters feedback received by the hotline, a letter, an e-mail,
 * or forwarded by another agency with its first reception time; then the code and the tracking secret to give the
 * reporter.
 */
export function EnterFeedbackPage() {
  usePageTitle(PAGE_TITLE);
  const official = useCurrentOfficial();
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  const [round, setRound] = useState(0);

  if (receipt) {
    return (
      <FeedbackReceiptPanel receipt={receipt} title="Đã nhập phản ánh">
        <Text>Báo cho người phản ánh mã phản ánh và mã tra cứu (qua điện thoại, thư trả lời hoặc thư điện tử) để họ theo dõi và đánh giá câu trả lời.</Text>
        <Group gap="md">
          <Button component={Link} to={itemPage(receipt.id)}>
            Mở phản ánh vừa nhập
          </Button>
          <Button
            variant="outline"
            onClick={() => {
              setReceipt(null);
              setRound((n) => n + 1);
            }}
          >
            Nhập phản ánh khác
          </Button>
          <Anchor component={Link} to={QUEUE_PAGE}>
            Danh sách phản ánh
          </Anchor>
        </Group>
      </FeedbackReceiptPanel>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Anchor component={Link} to={QUEUE_PAGE}>
            ‹ Danh sách phản ánh
          </Anchor>
        }
      >
        <Text>Phản ánh nhận qua đường dây nóng, thư, đơn gửi trực tiếp, thư điện tử, hoặc do cơ quan khác chuyển đến.</Text>
      </PageHeading>
      <EntryForm key={round} unitCode={official.unitCode} onSaved={setReceipt} />
    </Stack>
  );
}
