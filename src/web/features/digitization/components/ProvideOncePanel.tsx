import '../digitization.css';
import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatDateTime } from '../../../shared/format.js';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { ToneBadge } from '../../dossiers/components/ToneBadge.js';
import type { DossierProvideOnce } from '../api/provide-once-api.js';
import {
  eidLevelText,
  fieldsText,
  intakeTimeText,
  LOOKUP_CHANNEL_LABELS,
  LOOKUP_OUTCOME_LABELS,
  mismatchText,
  outcomeTone,
  REGISTRY_STATE_LABELS,
} from '../provide-once-view.js';

const HEADING_ID = 'du-lieu-san-co';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <li data-testid={testId}>
      <strong>{label}:</strong> {children}
    </li>
  );
}

/**
 * "Dữ liệu sẵn có": how the dossier used what the State already has (issue 20): the intake time at the desk, the
 * e-form's fields typed against those declared and prefilled, where the applicant differs from the population
 * registry, the registry lookups and their outcomes, the VNeID level, and how many components were digitized or reused.
 */
export function ProvideOncePanel({ data, query }: { data: DossierProvideOnce | undefined; query: ApiQuery<DossierProvideOnce> }) {
  const mismatch = data?.eform ? mismatchText(data.eform.mismatches) : null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING_ID} data-testid="provide-once">
      <Title order={2} size="h4" id={HEADING_ID}>
        Dữ liệu sẵn có
      </Title>
      {!data && query.loading ? <LoadingState label="Đang tải dữ liệu sẵn có…" /> : null}
      {query.error ? <ErrorState error={query.error} title="Không tải được dữ liệu sẵn có" onRetry={query.reload} /> : null}
      {data ? (
        <>
          <ul className="dig-facts">
            <Fact label="Thời gian tiếp nhận" testId="intake-time">
              {data.intakeSeconds === null ? 'không đo (hồ sơ không tiếp nhận tại quầy)' : intakeTimeText(data.intakeSeconds)}
            </Fact>
            <Fact label="Tài khoản VNeID">{eidLevelText(data.eidLevel)}</Fact>
            <Fact label="Tờ khai điện tử" testId="provide-once-fields">
              {data.eform ? fieldsText(data.eform) : 'không có (hồ sơ giấy)'}
            </Fact>
            {data.eform && data.eform.prefilled.length > 0 ? (
              <Fact label="Trường điền sẵn" testId="provide-once-prefilled">
                {data.eform.prefilled.join(', ')}
              </Fact>
            ) : null}
            {data.eform ? <Fact label="CSDL dân cư">{REGISTRY_STATE_LABELS[data.eform.registry]}</Fact> : null}
            <Fact label="Số hóa" testId="provide-once-digitized">
              {data.digitized} tệp số hóa tại quầy
            </Fact>
            <Fact label="Tái sử dụng" testId="provide-once-reused">
              {data.reused} thành phần lấy từ kho dữ liệu
            </Fact>
          </ul>
          {mismatch && data.eform ? (
            <Alert color="govRed" variant="light" title={mismatch} data-testid="provide-once-mismatch">
              <ul className="dig-facts">
                {data.eform.mismatches.map((m) => (
                  <li key={m.key}>
                    {m.label}: người nộp khai “{m.typed}”
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {data.eform && data.eform.values.length > 0 ? (
            <>
              <Text size="sm" fw={600} id="noi-dung-to-khai">
                Nội dung tờ khai điện tử
              </Text>
              <dl className="dig-form-values" aria-labelledby="noi-dung-to-khai" data-testid="provide-once-values">
                {data.eform.values.map((v) => (
                  <div key={v.key}>
                    <dt>{v.label}</dt>
                    <dd className="break-anywhere">{v.value}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
          <Text size="sm" fw={600} id="tra-cuu-dan-cu">
            Tra cứu CSDL quốc gia về dân cư
          </Text>
          {data.lookups.length === 0 ? (
            <Text size="sm">Hồ sơ không gắn lượt tra cứu nào.</Text>
          ) : (
            <ul className="dig-facts" aria-labelledby="tra-cuu-dan-cu" data-testid="provide-once-lookups">
              {data.lookups.map((l) => (
                <li key={`${l.at}|${l.outcome}`} data-outcome={l.outcome}>
                  <time dateTime={l.at}>{formatDateTime(l.at).slice(0, 16)}</time> · {LOOKUP_CHANNEL_LABELS[l.channel]}
                  {l.official ? ` · ${l.official}` : ''} · <ToneBadge label={LOOKUP_OUTCOME_LABELS[l.outcome]} tone={outcomeTone(l.outcome)} size="sm" />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </Stack>
  );
}
