import '../payments.css';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import type { DossierPayments } from '../api/payments-api.js';
import { useDossierPayments } from '../hooks/usePayments.js';
import { usePaymentReturn } from '../hooks/usePaymentReturn.js';
import { hasPaymentFacts, RETURN_PARAM, unsettledAttempts } from '../payment-view.js';
import { DeskPaymentForm } from './DeskPaymentForm.js';
import { FeeLinesTable, FeeTotals } from './FeeLinesTable.js';
import { FeeLineForm } from './FeeLineForm.js';
import { SavedNotice } from './FormOutcome.js';
import { OnlinePaymentForm } from './OnlinePaymentForm.js';
import { PaymentHistory } from './PaymentHistory.js';
import { PaymentReturnNotice } from './PaymentReturnNotice.js';

const HEADING_ID = 'phi-le-phi';

interface DossierFeesPanelProps {
  dossierId: string;
  /** 'citizen': on "Hồ sơ của tôi", with online payment; 'official': on the back-office dossier page, with the desk's forms. */
  variant: 'citizen' | 'official';
  /** A payment or an adjustment was saved, or the gateway's answer arrived (the dossier's own page may want to reload). */
  onChanged?: () => void;
}

/**
 * "Phí, lệ phí" of a dossier: its lines and where each stands, the totals, the payments and their receipts;
 * for the applicant, paying online; for officials, recording what the desk took and adding or adjusting lines.
 */
export function DossierFeesPanel({ dossierId, variant, onChanged }: DossierFeesPanelProps) {
  const official = variant === 'official';
  const [params] = useSearchParams();
  const payments = useDossierPayments(dossierId);
  const back = usePaymentReturn(official ? null : params.get(RETURN_PARAM), payments);
  const { data, error, reload } = payments;
  const [notice, setNotice] = useState<string | null>(null);
  // Once the gateway's answer is known the dossier itself may move on (out of "Chờ thực hiện nghĩa vụ tài chính"): the
  // server does that just after recording the payment, so the dossier is read again now and once more shortly after.
  const settledSeen = useRef(false);
  const backKind = back?.progress.kind;
  useEffect(() => {
    if (backKind !== 'settled' || settledSeen.current) return;
    settledSeen.current = true;
    onChanged?.();
    const again = setTimeout(() => onChanged?.(), 2000);
    return () => clearTimeout(again);
  }, [backKind, onChanged]);
  const saved = (message: string) => {
    setNotice(message);
    reload();
    onChanged?.();
  };

  // The applicant sees nothing when the procedure takes no fee (unless just back from a gateway).
  if (!official && data && !hasPaymentFacts(data) && !back) return null;
  return (
    <Stack gap="md" component="section" aria-labelledby={HEADING_ID} data-testid="dossier-fees">
      <Title order={2} size={official ? 'h4' : undefined} id={HEADING_ID}>
        Phí, lệ phí
      </Title>
      {back ? <PaymentReturnNotice state={back} /> : null}
      <SavedNotice text={notice} onClose={() => setNotice(null)} />
      {!data && payments.loading ? <LoadingState label="Đang tải phí, lệ phí…" /> : null}
      {!data && error ? <ErrorState error={error} title="Không tải được phí, lệ phí của hồ sơ" onRetry={reload} /> : null}
      {data ? (
        <>
          {data.lines.length > 0 ? <FeeTotals payments={data} /> : null}
          <FeeLinesTable lines={data.lines} />
          {official ? <OfficialActions dossierId={dossierId} payments={data} onSaved={saved} /> : <CitizenPayment dossierId={dossierId} payments={data} />}
          {data.attempts.length > 0 || data.receipts.length > 0 || data.paidTotal > 0 ? (
            <Stack gap="sm" component="section" aria-labelledby="lan-nop-tien">
              <Title order={3} size="h5" id="lan-nop-tien">
                Các lần nộp tiền và biên lai
              </Title>
              <PaymentHistory attempts={data.attempts} receipts={data.receipts} official={official} />
            </Stack>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function CitizenPayment({ dossierId, payments: p }: { dossierId: string; payments: DossierPayments }) {
  const owed = p.dueNow + p.dueLater > 0;
  return (
    <>
      {p.canPayOnline ? <OnlinePaymentForm dossierId={dossierId} amount={p.dueNow} providers={p.providers} /> : null}
      {!p.canPayOnline && p.dueNow > 0 ? (
        <Text size="sm">
          Đơn vị giải quyết hồ sơ chưa nhận thanh toán trực tuyến, hoặc đang có giao dịch chờ kết quả. Bạn có thể nộp {formatVnd(p.dueNow)} tại Bộ phận Một cửa.
        </Text>
      ) : null}
      {owed ? (
        <Text size="sm" c="dimmed">
          Bạn cũng có thể nộp tiền mặt tại Bộ phận Một cửa khi nộp hồ sơ hoặc nhận kết quả. Chỉ khoản nộp qua cổng thanh toán mới được tính là thanh toán trực
          tuyến.
        </Text>
      ) : null}
    </>
  );
}

function OfficialActions({ dossierId, payments: p, onSaved }: { dossierId: string; payments: DossierPayments; onSaved: (message: string) => void }) {
  if (!p.canRecordAtDesk && !p.canAdjust) return null;
  const unsettled = unsettledAttempts(p.attempts);
  return (
    <Stack gap="md">
      {p.canRecordAtDesk && unsettled.length > 0 ? (
        <Alert color="govBlue" variant="light" title="Có giao dịch chưa có kết quả" data-testid="unsettled-attempts">
          {unsettled.map((a) => `${a.methodLabel} ${formatVnd(a.amount)}: ${a.statusLabel.toLocaleLowerCase('vi')}`).join('; ')}. Kiểm tra các lần nộp tiền bên
          dưới trước khi ghi nhận thu thêm, để không thu trùng.
        </Alert>
      ) : null}
      {p.canRecordAtDesk ? <DeskPaymentForm dossierId={dossierId} amount={p.dueNow} onSaved={onSaved} /> : null}
      {p.canAdjust ? (
        <details className="pay-details">
          <summary>Thêm hoặc điều chỉnh khoản thu</summary>
          <FeeLineForm dossierId={dossierId} lines={p.lines} onSaved={onSaved} />
        </details>
      ) : null}
    </Stack>
  );
}
