import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { METHOD_LABELS, type SubCriterion } from '../../../../domain/par-index/scheme.js';
import { pointsFor } from '../../../../domain/par-index/scoring.js';
import { formatNumber } from '../../../shared/format.js';
import type { ParAssessment } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { answerText, figureProofLink, figureProofName, figureText, outOfText } from '../par-view.js';
import { AppraisalForm } from './AppraisalForm.js';
import { EvidencePanel } from './EvidencePanel.js';
import { SelfScoreForm } from './SelfScoreForm.js';

interface SubCriterionItemProps {
  assessment: ParAssessment;
  sub: SubCriterion;
  actions: ParActions;
}

/** What the unit's column says before a score is there. */
const NOT_SCORED: Record<SubCriterion['method']['kind'], string> = {
  yesNo: 'Chưa chấm',
  levels: 'Chưa chấm',
  manual: 'Chưa chấm',
  figure: 'Số liệu được chốt khi gửi kết quả',
  survey: 'Đơn vị không tự chấm',
};

const headingId = (code: string) => `tc-${code.replaceAll('.', '-')}`;

/** A figure motcua fills in: its value for the year (or as taken at submission), what was counted, and the link to its proof. */
function FigureFacts({ assessment, sub }: Omit<SubCriterionItemProps, 'actions'>) {
  if (sub.method.kind !== 'figure') return null;
  const key = sub.method.figure;
  const live = assessment.figures.find((f) => f.figure === key);
  const frozen = assessment.scores.find((s) => s.code === sub.code)?.answer;
  const value = frozen?.kind === 'figure' ? frozen.value : (live?.value ?? null);
  const frozenHere = frozen?.kind === 'figure';
  const text = figureText({
    value,
    counted: frozenHere ? null : (live?.counted ?? null),
    frozen: frozenHere,
    points: pointsFor(sub, { kind: 'figure', value }),
  });
  return (
    <Stack gap={4} data-testid={`so-lieu-${sub.code}`}>
      <Text size="sm" fw={700}>
        Số liệu tự động từ hệ thống
      </Text>
      <Text size="sm">
        {live?.label ?? key}: {text}
      </Text>
      {live ? (
        <Anchor component={Link} to={figureProofLink(live.source, assessment.unitCode, assessment.round.year)} size="sm">
          Xem số liệu chứng minh ({figureProofName(live.source)}, năm {assessment.round.year})
        </Anchor>
      ) : null}
    </Stack>
  );
}

/** The unit's answer and points beside the appraisers' points and reason. */
function ScoreSideBySide({ assessment, sub }: Omit<SubCriterionItemProps, 'actions'>) {
  const score = assessment.scores.find((s) => s.code === sub.code);
  const answer = answerText(sub, score?.answer ?? null);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <div>
        <Text size="sm" fw={700}>
          Đơn vị tự chấm
        </Text>
        <Text size="sm" data-testid={`tu-cham-${sub.code}`}>
          {score?.selfPoints === null || score?.selfPoints === undefined
            ? NOT_SCORED[sub.method.kind]
            : `${answer ? `${answer}: ` : ''}${outOfText(score.selfPoints, sub.maxPoints)}`}
        </Text>
        {score?.selfNote ? (
          <Text size="sm" className="break-anywhere">
            Ghi chú: {score.selfNote}
          </Text>
        ) : null}
      </div>
      <div>
        <Text size="sm" fw={700}>
          Thẩm định
        </Text>
        <Text size="sm" data-testid={`tham-dinh-${sub.code}`}>
          {score?.appraisedPoints === null || score?.appraisedPoints === undefined ? 'Chưa thẩm định' : outOfText(score.appraisedPoints, sub.maxPoints)}
        </Text>
        {score?.appraisalReason && score.appraisedPoints !== null ? (
          <Text size="sm" className="break-anywhere">
            Lý do: {score.appraisalReason}
          </Text>
        ) : null}
      </div>
    </SimpleGrid>
  );
}

/**
 * One sub-criterion: its maximum, how it is scored, the evidence it asks for; the unit's score (a form while it may
 * score: yes/no, levels, points; a figure from the system with its proof; a survey's result), its evidence, and the
 * appraisal beside it (a form for the appraisers).
 */
export function SubCriterionItem({ assessment, sub, actions }: SubCriterionItemProps) {
  const score = assessment.scores.find((s) => s.code === sub.code);
  const kind = sub.method.kind;
  const can = (a: ParAssessment['availableActions'][number]) => assessment.availableActions.includes(a);
  const scoredByUnit = kind === 'yesNo' || kind === 'levels' || kind === 'manual';
  const evidence = assessment.evidence.filter((e) => e.subCode === sub.code);
  const id = headingId(sub.code);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={id} className="par-sub" data-testid={`tieu-chi-${sub.code}`}>
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={4} size="h5" id={id} className="break-anywhere">
            {sub.code}. {sub.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light" color="govBlue" className="par-badge">
              Tối đa {formatNumber(sub.maxPoints)} điểm
            </Badge>
            <Badge variant="outline" color="gray.7" className="par-badge">
              {METHOD_LABELS[kind]}
            </Badge>
          </Group>
          {sub.evidence ? (
            <Text size="sm" className="break-anywhere">
              Tài liệu kiểm chứng cần có: {sub.evidence}
            </Text>
          ) : null}
        </Stack>
        {kind === 'figure' ? <FigureFacts assessment={assessment} sub={sub} /> : null}
        {kind === 'survey' ? <Text size="sm">Chấm theo kết quả điều tra xã hội học (do cơ quan thẩm định nhập).</Text> : null}
        {scoredByUnit && can('score') ? <SelfScoreForm assessment={assessment} sub={sub} score={score} actions={actions} /> : null}
        <ScoreSideBySide assessment={assessment} sub={sub} />
        {can('appraise') ? <AppraisalForm assessment={assessment} sub={sub} score={score} actions={actions} /> : null}
        {scoredByUnit || evidence.length > 0 ? (
          <EvidencePanel assessment={assessment} subCode={sub.code} evidence={evidence} canAdd={can('score')} actions={actions} />
        ) : null}
      </Stack>
    </Paper>
  );
}
