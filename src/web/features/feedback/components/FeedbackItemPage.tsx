import '../feedback.css';
import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { KIND_LABELS, STATUS_LABELS } from '../../../../domain/feedback/feedback.js';
import { problemsFromDetails, toApiError, type ApiError } from '../../../shared/api.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useProcedureFields } from '../../catalogue/hooks/useProcedureFields.js';
import { useNow } from '../../dossiers/hooks/useDossiers.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { actOnFeedback, type FeedbackCommand, type FeedbackCommandType, type FeedbackDetail } from '../api/feedback-api.js';
import { actionFieldErrors, type ActionErrors } from '../feedback-actions.js';
import { ACTION_LABELS, actorLabel, channelLabel, eventLabel, formatMinute, NONE, QUEUE_PAGE, votesText } from '../feedback-view.js';
import { useFeedbackItem } from '../hooks/useFeedback.js';
import { FeedbackActionPanel } from './FeedbackActionPanel.js';
import { FeedbackAttachmentList } from './FeedbackAttachmentList.js';
import { FeedbackStatusBadge, LateBadge, NextDeadline } from './FeedbackBadges.js';
import { Facts, TextBlock } from './PublicAnswerPage.js';

function ReporterSection({ item }: { item: FeedbackDetail }) {
  const r = item.reporter;
  return (
    <Stack gap="xs" component="section" aria-labelledby="pakn-nguoi-phan-anh">
      <Title order={2} size="h3" id="pakn-nguoi-phan-anh">
        Người phản ánh
      </Title>
      {r ? (
        <Facts
          testId="reporter"
          rows={[
            ['Họ và tên', r.name],
            ['Điện thoại', r.phone ?? NONE],
            ['Thư điện tử', r.email ?? NONE],
            ['Địa chỉ', r.address ?? NONE],
            ['Công khai họ tên', item.showName ? 'Đồng ý hiển thị khi công khai trả lời' : 'Không'],
          ]}
        />
      ) : (
        <Text data-testid="reporter">Ẩn danh, hoặc thông tin liên hệ đã được xóa theo thời hạn lưu trữ.</Text>
      )}
    </Stack>
  );
}

function AttachmentsAndHistory({ item }: { item: FeedbackDetail }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="xs" component="section" aria-labelledby="pakn-tep">
        <Title order={2} size="h3" id="pakn-tep">
          Tệp đính kèm
        </Title>
        <FeedbackAttachmentList itemId={item.id} attachments={item.attachments} />
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="pakn-lich-su">
        <Title order={2} size="h3" id="pakn-lich-su">
          Lịch sử xử lý
        </Title>
        <ol className="fb-history" data-testid="history">
          {item.events.map((e) => (
            <li key={e.seq}>
              <Text size="sm">
                <time dateTime={e.at}>{formatMinute(e.at)}</time> · <strong>{eventLabel(e.type)}</strong> · {actorLabel(e.actorRole)}
              </Text>
              {e.note ? (
                <Text size="sm" className="fb-text">
                  {e.note}
                </Text>
              ) : null}
            </li>
          ))}
        </ol>
      </Stack>
    </SimpleGrid>
  );
}

/**
 * /can-bo/phan-anh/{id} (feedback.handle): an item for the unit that handles it: its content, the reporter's contact
 * (when given), files (each a download, audited), history, the answer drafted or published, and the actions the server offers, each sent with
 * the version read (someone else's action meanwhile: the message, and the item read again).
 */
export function FeedbackItemPage() {
  const { id = '' } = useParams();
  const query = useFeedbackItem(id);
  const now = useNow();
  const { data: unitData } = useUnits();
  const { data: fieldData } = useProcedureFields();
  const [shown, setShown] = useState<FeedbackDetail | null>(null);
  const [open, setOpen] = useState<FeedbackCommandType | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: ApiError; fields: ActionErrors; other: string[] } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // The last answer stays on screen while the item is read again after an action.
  if (query.data && query.data !== shown) setShown(query.data);
  const item = query.data ?? shown;
  usePageTitle(item ? `Phản ánh ${item.code}` : 'Phản ánh, kiến nghị');
  useEffect(() => {
    if (notice || failure) noticeRef.current?.focus();
  }, [notice, failure]);

  async function act(command: FeedbackCommand) {
    setPending(true);
    setNotice(null);
    setFailure(null);
    try {
      const outcome = await actOnFeedback(id, command);
      setOpen(null);
      setNotice(`Đã thực hiện: ${ACTION_LABELS[command.type].toLowerCase()}. Trạng thái: ${STATUS_LABELS[outcome.status] ?? outcome.status}.`);
      query.reload();
    } catch (e) {
      const error = toApiError(e);
      const mapped = actionFieldErrors(problemsFromDetails(error.details));
      setFailure({ error, fields: mapped.fields, other: mapped.other });
      if (error.code === 'FEEDBACK_CHANGED' || error.code === 'FEEDBACK_ACTION_NOT_ALLOWED') {
        setOpen(null);
        query.reload();
      }
    } finally {
      setPending(false);
    }
  }

  const back = (
    <Anchor component={Link} to={QUEUE_PAGE} style={{ alignSelf: 'flex-start' }}>
      ‹ Phản ánh, kiến nghị
    </Anchor>
  );
  const messages = (
    <div ref={noticeRef} tabIndex={-1} className="pd-focus-target">
      {notice ? (
        <Alert color="govBlue" variant="light" role="status" data-testid="action-notice">
          {notice}
        </Alert>
      ) : null}
      {failure ? (
        <Alert color="govRed" variant="light" role="alert" title="Chưa thực hiện được thao tác" data-testid="action-error">
          <Text size="sm">{failure.error.message}</Text>
          {failure.other.map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      ) : null}
    </div>
  );

  if (!item) {
    if (query.loading) return <LoadingState />;
    return (
      <Stack gap="lg">
        {back}
        <Title order={1}>Phản ánh, kiến nghị</Title>
        {messages}
        {query.error ? <ErrorState error={query.error} onRetry={query.reload} /> : null}
      </Stack>
    );
  }
  // Routed to a unit out of this official's reach: it is no longer theirs to see.
  const gone = query.error?.status === 404;
  return (
    <Stack gap="lg">
      {back}
      <Stack gap="xs">
        <Title order={1} className="break-anywhere">
          {item.title}
        </Title>
        <Group gap="sm" align="flex-start">
          <FeedbackStatusBadge status={item.status} label={item.statusLabel} />
          <LateBadge late={item.late} />
        </Group>
      </Stack>
      {messages}
      {gone ? <Text role="status">Phản ánh đã được chuyển tới đơn vị khác và không còn trong danh sách của bạn.</Text> : null}
      <Paper withBorder p="md">
        <FeedbackActionPanel
          item={item}
          units={unitData?.units ?? []}
          fields={fieldData?.fields ?? []}
          pending={pending || gone}
          serverErrors={failure?.fields ?? {}}
          onAct={(command) => void act(command)}
          open={open}
          onOpen={(type) => {
            setOpen(type);
            setFailure(null);
          }}
        />
      </Paper>
      <Facts
        testId="feedback-facts"
        rows={[
          ['Mã phản ánh', <span className="mono">{item.code}</span>],
          ['Kênh tiếp nhận', channelLabel(item.channel)],
          ['Thời điểm tiếp nhận', <time dateTime={item.receivedAt}>{formatMinute(item.receivedAt)}</time>],
          ...(item.forwardedFrom ? [['Cơ quan chuyển đến', item.forwardedFrom] as const] : []),
          ['Đơn vị xử lý', item.unitName],
          ['Loại phản ánh', item.kind ? KIND_LABELS[item.kind] : 'Chưa phân loại'],
          ['Thủ tục liên quan', item.procedureCode ?? NONE],
          ['Mã hồ sơ liên quan', item.dossierCode ?? NONE],
          ['Hạn tiếp theo', <NextDeadline next={item.next} now={now} />],
          ...(item.publishedAt ? [['Công khai ngày', formatMinute(item.publishedAt)] as const, ['Đánh giá', votesText(item)] as const] : []),
        ]}
      />
      <TextBlock id="pakn-noi-dung" title="Nội dung phản ánh" text={item.content} testId="feedback-content" />
      <ReporterSection item={item} />
      {(item.answer ?? item.answerDraft) ? (
        <Paper withBorder p="md" bg="govBlue.0">
          <TextBlock
            id="pakn-tra-loi"
            title={item.answer ? 'Trả lời đã công khai' : 'Dự thảo trả lời'}
            text={item.answer ?? item.answerDraft ?? ''}
            testId="feedback-answer"
          />
        </Paper>
      ) : null}
      <AttachmentsAndHistory item={item} />
    </Stack>
  );
}
