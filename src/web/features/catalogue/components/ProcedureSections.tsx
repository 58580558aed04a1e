import { List, Paper, Text } from '@mantine/core';
import { CHANNEL_LABELS, type LegalBasis, type ProcedureFee, type ProcedureMethod, type ProcedureResult } from '../../../../domain/catalogue/procedure.js';
import { formatIsoDate } from '../../../shared/format.js';
import type { ProcedureVersionInfo } from '../api/catalogue-api.js';
import { FEE_COLLECTED_AT_LABELS, formatDuration, formatFeeAmount, NO_FEE_TEXT } from '../catalogue-format.js';
import { PROCEDURE_SECTIONS, ProcedureSection } from './ProcedureSection.js';

/** c) and đ): each way of submitting, with its own time limit. */
export function ProcedureMethodsSection({ methods }: { methods: readonly ProcedureMethod[] }) {
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.methods}>
      {methods.length === 0 ? <Text>Chưa công bố cách thức thực hiện.</Text> : null}
      <ul className="catalogue-cards" aria-label="Các cách thức nộp hồ sơ">
        {methods.map((method) => (
          <li key={method.channel}>
            <Paper withBorder p="sm">
              <Text fw={600}>{CHANNEL_LABELS[method.channel]}</Text>
              <Text>
                Thời hạn giải quyết: <strong>{formatDuration(method.timeLimit)}</strong>
              </Text>
              {method.description ? <Text size="sm">{method.description}</Text> : null}
            </Paper>
          </li>
        ))}
      </ul>
    </ProcedureSection>
  );
}

export function ProcedureFeesSection({ fees }: { fees: readonly ProcedureFee[] }) {
  const charged = fees.filter((f) => f.amount > 0);
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.fees}>
      {charged.length === 0 ? (
        <Text fw={600} data-testid="procedure-fees">
          {NO_FEE_TEXT}
        </Text>
      ) : (
        <ul className="catalogue-cards" aria-label="Các khoản phí, lệ phí" data-testid="procedure-fees">
          {fees.map((fee, index) => (
            <li key={index}>
              <Paper withBorder p="sm">
                <Text fw={600}>{fee.name}</Text>
                <Text>
                  Mức thu: <strong>{formatFeeAmount(fee.amount)}</strong>
                  {fee.amount > 0 ? ` – ${FEE_COLLECTED_AT_LABELS[fee.collectedAt].toLowerCase()}` : ''}
                </Text>
                {fee.description ? <Text size="sm">{fee.description}</Text> : null}
              </Paper>
            </li>
          ))}
        </ul>
      )}
    </ProcedureSection>
  );
}

export function ProcedureRequirementsSection({ requirements }: { requirements: string | null }) {
  const text = requirements?.trim();
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.requirements}>
      {text ? text.split(/\n+/).map((line, index) => <Text key={index}>{line}</Text>) : <Text>Không có yêu cầu, điều kiện riêng.</Text>}
    </ProcedureSection>
  );
}

/** b) Trình tự thực hiện, as the applicant lives it. */
export function ProcedureSequenceSection({ sequence }: { sequence: readonly string[] }) {
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.sequence}>
      {sequence.length === 0 ? (
        <Text>Chưa công bố trình tự thực hiện.</Text>
      ) : (
        <ol className="catalogue-numbered">
          {sequence.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      )}
    </ProcedureSection>
  );
}

export function ProcedureResultsSection({ results }: { results: readonly ProcedureResult[] }) {
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.results}>
      {results.length === 0 ? (
        <Text>Chưa công bố kết quả thực hiện.</Text>
      ) : (
        <List spacing="xs">
          {results.map((result, index) => (
            <List.Item key={result.code || index}>
              {result.name}
              {result.template ? (
                <Text component="span" size="sm" display="block">
                  Mẫu: {result.template}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </ProcedureSection>
  );
}

export function ProcedureLegalSection({ legalBases, today }: { legalBases: readonly LegalBasis[]; today: string }) {
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.legal}>
      {legalBases.length === 0 ? (
        <Text>Chưa công bố căn cứ pháp lý.</Text>
      ) : (
        <List spacing="xs" data-testid="procedure-legal-bases">
          {legalBases.map((basis) => (
            <List.Item key={basis.number}>
              <strong>{basis.title}</strong> số {basis.number}
              <Text component="span" size="sm" display="block">
                {basis.effectiveFrom > today ? 'Sẽ có hiệu lực từ ngày ' : 'Có hiệu lực từ ngày '}
                {formatIsoDate(basis.effectiveFrom)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </ProcedureSection>
  );
}

/** The decision that published this version, and the dates it applies. */
export function ProcedurePublicationSection({ versionInfo }: { versionInfo: ProcedureVersionInfo }) {
  const { decision } = versionInfo;
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.publication}>
      <Text data-testid="procedure-decision">
        Công bố tại Quyết định số {decision.number} ngày {formatIsoDate(decision.issuedOn)}.
      </Text>
      <Text size="sm">
        Nội dung trên trang này áp dụng từ ngày {formatIsoDate(versionInfo.effectiveFrom)}
        {versionInfo.effectiveTo ? ` đến hết ngày ${formatIsoDate(versionInfo.effectiveTo)}` : ''} (phiên bản {versionInfo.version}).
      </Text>
    </ProcedureSection>
  );
}
