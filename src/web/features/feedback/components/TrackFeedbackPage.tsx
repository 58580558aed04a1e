import '../feedback.css';
import '../../portal-dossiers/portal-dossiers.css';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toApiError } from '../../../shared/api.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { reraiseFeedback, supplementFeedback, trackFeedback, type ReporterView } from '../api/feedback-api.js';
import { CONTENT_MAX, CONTENT_MIN } from '../feedback-form.js';
import { FEEDBACK_PAGE, normalizeFeedbackCode, publicAnswerPage } from '../feedback-view.js';
import { usePublicAnswer } from '../hooks/useFeedback.js';
import { FeedbackAttachmentList } from './FeedbackAttachmentList.js';
import { Facts, TextBlock } from './PublicAnswerPage.js';
import { ReporterTextForm } from './ReporterTextForm.js';
import { VoteButtons } from './VoteButtons.js';

const PAGE_TITLE = 'Tra cứu phản ánh, kiến nghị';

export interface Tracked {
  code: string;
  /** Null on the citizen's own item's page: the account that sent it proves it is theirs. */
  secret: string | null;
  view: ReporterView;
}

/** What the reporter sees of their item (its files to download), and what they may do with it now. */
export function TrackedItem({ tracked, notice, onChanged }: { tracked: Tracked; notice: string | null; onChanged: (notice: string) => Promise<void> }) {
  const { code, secret, view } = tracked;
  const noticeRef = useRef<HTMLDivElement>(null);
  // The likes and dislikes so far are the public answer's.
  const counts = usePublicAnswer(view.answer !== null ? view.code : '').data;
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  return (
    <Stack gap="lg" component="section" aria-labelledby="pakn-ket-qua-tra-cuu">
      <Title order={2} id="pakn-ket-qua-tra-cuu">
        Phản ánh {view.code}
      </Title>
      {notice ? (
        <Alert ref={noticeRef} tabIndex={-1} className="pd-focus-target" color="govBlue" variant="light" role="status" data-testid="track-notice">
          {notice}
        </Alert>
      ) : null}
      <Facts
        rows={[
          ['Tiêu đề', view.title],
          ['Tình trạng', <strong data-testid="track-status">{view.statusLabel}</strong>],
        ]}
      />
      {view.attachments.length > 0 ? (
        <Stack gap="xs" component="section" aria-labelledby="pakn-tep-cua-ban">
          <Title order={3} id="pakn-tep-cua-ban">
            Tệp đính kèm
          </Title>
          <FeedbackAttachmentList itemId={view.id} attachments={view.attachments} secret={secret} />
        </Stack>
      ) : null}
      {view.answer !== null ? (
        <>
          <Paper withBorder p="md" bg="govBlue.0">
            <TextBlock id="pakn-tra-loi-cua-ban" title="Trả lời của cơ quan nhà nước" text={view.answer} testId="track-answer" />
          </Paper>
          <Anchor component={Link} to={publicAnswerPage(view.code)} style={{ alignSelf: 'flex-start' }}>
            Trang công khai của câu trả lời
          </Anchor>
          <VoteButtons code={view.code} counts={counts ?? null} secret={secret} />
        </>
      ) : null}
      {view.canSupplement ? (
        <ReporterTextForm
          id="pakn-bo-sung"
          legend="Bổ sung thông tin"
          label="Thông tin bổ sung"
          description="Cơ quan xử lý đề nghị bạn bổ sung thông tin. Nêu rõ nội dung được yêu cầu (từ 20 ký tự)."
          min={CONTENT_MIN}
          max={CONTENT_MAX}
          submitLabel="Gửi bổ sung"
          onSend={async (text) => {
            await supplementFeedback(code, secret, text);
            await onChanged('Đã gửi thông tin bổ sung. Cơ quan tiếp tục xử lý phản ánh của bạn.');
          }}
        />
      ) : null}
      {view.canReraise ? (
        <ReporterTextForm
          id="pakn-phan-anh-lai"
          legend="Phản ánh lại"
          label="Lý do chưa hài lòng"
          description="Nếu chưa hài lòng với câu trả lời, hãy nêu lý do: phản ánh được mở lại để cơ quan xem xét, trả lời."
          min={3}
          max={2000}
          submitLabel="Phản ánh lại"
          onSend={async (reason) => {
            await reraiseFeedback(code, secret, reason);
            await onChanged('Đã gửi phản ánh lại. Phản ánh được mở lại để cơ quan xem xét, trả lời.');
          }}
        />
      ) : null}
    </Stack>
  );
}

/**
 * /phan-anh-kien-nghi/tra-cuu: the reporter's code and tracking secret → the item's status and answer; when allowed,
 * the supplement asked for, or "Phản ánh lại" with a reason; and the vote on the answer with the secret. The secret
 * stays in the page's memory, never in its address.
 */
export function TrackFeedbackPage() {
  usePageTitle(PAGE_TITLE);
  const [params] = useSearchParams();
  const [code, setCode] = useState(() => params.get('ma') ?? '');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ code?: string; secret?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const [tracked, setTracked] = useState<(Tracked & { secret: string }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function look(c: string, s: string): Promise<void> {
    setTracked({ code: c, secret: s, view: await trackFeedback(c, s) });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const c = normalizeFeedbackCode(code);
    const s = secret.trim();
    const found = { ...(c ? {} : { code: 'Nhập mã phản ánh.' }), ...(s ? {} : { secret: 'Nhập mã tra cứu.' }) };
    setErrors(found);
    setNotice(null);
    if (found.code || found.secret) {
      document.getElementById(found.code ? 'pakn-ma' : 'pakn-ma-tra-cuu')?.focus();
      return;
    }
    setPending(true);
    try {
      await look(c, s);
    } catch (e) {
      setTracked(null);
      setErrors({ form: toApiError(e).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{PAGE_TITLE}</Title>
        <Text>Nhập mã phản ánh và mã tra cứu nhận được khi gửi phản ánh để xem tình trạng xử lý, câu trả lời, bổ sung thông tin hoặc phản ánh lại.</Text>
      </Stack>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label="Tra cứu phản ánh">
          <Stack gap="md">
            {errors.form ? (
              <Alert color="govRed" variant="light" role="alert" title="Không tra cứu được">
                {errors.form}
              </Alert>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                id="pakn-ma"
                label="Mã phản ánh"
                description="Ví dụ PAKN-2026-000123"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                required
                error={errors.code}
              />
              <TextInput
                id="pakn-ma-tra-cuu"
                label="Mã tra cứu"
                description="Mã bí mật hiển thị một lần khi gửi phản ánh"
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                required
                error={errors.secret}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={pending}>
                Tra cứu
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {tracked ? (
        <TrackedItem
          tracked={tracked}
          notice={notice}
          onChanged={async (text) => {
            await look(tracked.code, tracked.secret);
            setNotice(text);
          }}
        />
      ) : null}
      <Anchor component={Link} to={FEEDBACK_PAGE} style={{ alignSelf: 'flex-start' }}>
        Các phản ánh, kiến nghị đã được trả lời
      </Anchor>
    </Stack>
  );
}
