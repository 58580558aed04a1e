import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { formatIsoDate } from '../../../shared/format.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { dossierOfferPath, openDossierSurvey, type DossierSurveyOffer as Offer } from '../api/survey-api.js';
import { useSurveyAction } from '../hooks/useSurvey.js';
import { answerPagePath } from '../survey-view.js';

const HEADING_ID = 'khao-sat-hai-long';

/**
 * On the applicant's dossier page, once its result was returned: the province's satisfaction survey, when a round
 * covers the dossier (issue 23 §6). "Đánh giá mức độ hài lòng" opens the survey's page with a fresh link; once answered,
 * a thank-you. Nothing is shown when no round offers it.
 */
export function DossierSurveyOffer({ dossier }: { dossier: { id: string; status: string } }) {
  const returned = dossier.status === 'returned';
  const offer = useApiQuery<Offer>(returned ? dossierOfferPath(dossier.id) : null);
  const navigate = useNavigate();
  const open = useSurveyAction(openDossierSurvey);
  const start = useCallback(async () => {
    const issued = await open.run(dossier.id);
    if (issued) void navigate(answerPagePath(issued.token));
  }, [dossier.id, navigate, open]);

  const current = offer.data?.offer;
  if (!returned || !current || current.state === 'expired') return null;
  return (
    <section aria-labelledby={HEADING_ID}>
      <Paper withBorder p="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={2} id={HEADING_ID}>
            Khảo sát mức độ hài lòng
          </Title>
          {current.state === 'answered' ? (
            <Text>Bạn đã trả lời phiếu khảo sát của {current.roundName}. Cảm ơn bạn đã góp ý.</Text>
          ) : (
            <>
              <Text>
                Hồ sơ này thuộc {current.roundName} của tỉnh. Mời bạn trả lời 5 câu hỏi ngắn về mức độ hài lòng (hạn trả lời hết ngày{' '}
                {formatIsoDate(current.answerBy)}); mỗi hồ sơ trả lời một lần.
              </Text>
              <Button onClick={() => void start()} loading={open.pending} data-testid="survey-open">
                Đánh giá mức độ hài lòng
              </Button>
            </>
          )}
          {open.error ? (
            <Alert color="govRed" variant="light" role="alert" title="Chưa mở được phiếu khảo sát">
              {open.error.message}
            </Alert>
          ) : null}
        </Stack>
      </Paper>
    </section>
  );
}
