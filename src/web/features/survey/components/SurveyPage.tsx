import { Alert, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { hasCapability } from '../../../../domain/access/roles.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { useUnitNames } from '../../scorecard/hooks/useUnitNames.js';
import { closeRound, monthResultsPath, roundResultsPath, ROUNDS_PATH, type SurveyRound, type SurveyRoundList } from '../api/survey-api.js';
import { useSurveyAction } from '../hooks/useSurvey.js';
import { monthLabel, previousMonth } from '../survey-view.js';
import { OpenRoundForm } from './OpenRoundForm.js';
import { PortalRatingsPanel } from './PortalRatingsPanel.js';
import { RoundsTable } from './RoundsTable.js';
import { SurveyResultsPanel } from './SurveyResultsPanel.js';

const TITLE = 'Khảo sát sự hài lòng';

/**
 * /can-bo/khao-sat-hai-long (issue 23 §6): the province's satisfaction survey on the five SIPAS elements. The rounds
 * and a round's results (chart per element, table per unit, Excel); the results of a month and its aggregate in the
 * national portal's DongBoDanhGia shape; administrators and monitors open and close rounds.
 */
export function SurveyPage() {
  usePageTitle(TITLE);
  const official = useCurrentOfficial();
  const today = todayInVietnam();
  const rounds = useApiQuery<SurveyRoundList>(ROUNDS_PATH);
  const { units } = useUnitNames();
  const [chosen, setChosen] = useState<string | null>(null);
  const [month, setMonth] = useState(() => previousMonth(today));
  const [notice, setNotice] = useState<string | null>(null);
  const close = useSurveyAction(closeRound);
  const [closing, setClosing] = useState<string | null>(null);
  const canManage = hasCapability(official.role, 'survey.manage');
  const selected = chosen ?? rounds.data?.items[0]?.id ?? null;
  const selectedRound = rounds.data?.items.find((r) => r.id === selected);

  const opened = (round: SurveyRound) => {
    setNotice(`Đã mở ${round.name}: ${round.invited} phiếu mời, ${round.notified} thư điện tử đã được đưa vào hàng gửi.`);
    setChosen(round.id);
    rounds.reload();
  };
  const ended = async (round: SurveyRound) => {
    setClosing(round.id);
    const done = await close.run(round.id);
    setClosing(null);
    if (done) setNotice(`Đã kết thúc ${done.name}.`);
    rounds.reload();
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{TITLE}</Title>
        <Text>
          Khảo sát người đã nhận kết quả giải quyết thủ tục hành chính về 5 yếu tố (tiếp cận dịch vụ, thủ tục, công chức, kết quả, tiếp nhận và xử lý góp ý),
          thang 5 mức. Chỉ số hài lòng là tỷ lệ trả lời “hài lòng” hoặc “rất hài lòng”; mẫu được chọn ngẫu nhiên với cỡ n = N / (1 + N·e²).
        </Text>
      </Stack>
      {notice ? (
        <Alert color="govBlue" variant="light" role="status" withCloseButton closeButtonLabel="Ẩn thông báo" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="cac-dot-khao-sat">
        <Title order={2} size="h4" id="cac-dot-khao-sat">
          Các đợt khảo sát
        </Title>
        {rounds.loading ? <LoadingState label="Đang tải các đợt khảo sát…" /> : null}
        {rounds.error ? <ErrorState error={rounds.error} onRetry={rounds.reload} /> : null}
        {close.error ? <ErrorState error={close.error} title="Chưa kết thúc được đợt khảo sát" /> : null}
        {rounds.data ? (
          <RoundsTable
            rounds={rounds.data.items}
            selected={selected}
            canManage={canManage}
            closing={closing}
            onSelect={setChosen}
            onClose={(r) => void ended(r)}
          />
        ) : null}
      </Stack>
      {canManage ? (
        <details>
          <summary>Mở đợt khảo sát mới</summary>
          <OpenRoundForm units={units} ownUnit={official.unitCode} today={today} onOpened={opened} />
        </details>
      ) : null}
      {selectedRound ? (
        <SurveyResultsPanel
          key={selectedRound.id}
          path={roundResultsPath(selectedRound.id)}
          headingId="ket-qua-dot"
          fileName={`khao-sat-${selectedRound.from}.xlsx`}
        />
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="theo-thang">
        <Title order={2} size="h4" id="theo-thang">
          Theo tháng trả kết quả
        </Title>
        <TextInput
          id="khao-sat-thang"
          type="month"
          label="Tháng"
          value={month}
          max={today.slice(0, 7)}
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.currentTarget.value) && setMonth(e.currentTarget.value)}
          style={{ maxWidth: '14rem' }}
        />
        <SurveyResultsPanel key={`thang-${month}`} path={monthResultsPath(month)} headingId="ket-qua-thang" fileName={`khao-sat-${month}.xlsx`} />
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="dong-bo-danh-gia">
        <Title order={2} size="h4" id="dong-bo-danh-gia">
          Tổng hợp {monthLabel(month).toLocaleLowerCase('vi')} theo mẫu DongBoDanhGia của Cổng Dịch vụ công quốc gia
        </Title>
        <Text size="sm">Các phiếu trả lời trong tháng; tác vụ gửi đánh giá hằng tháng gửi dữ liệu lên Cổng, trang này chỉ để xem.</Text>
        <PortalRatingsPanel month={month} />
      </Stack>
    </Stack>
  );
}
