import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../../../shared/api.js';
import { VNEID_LOGIN_URL } from '../../../shared/site.js';
import { voteOnAnswer, type Vote, type VoteCounts } from '../api/feedback-api.js';
import { TRACK_PAGE, VOTE_NEEDS_IDENTITY, votesText } from '../feedback-view.js';

interface VoteButtonsProps {
  code: string;
  /** Null while not known (the tracking page, before the public answer is read). */
  counts: VoteCounts | null;
  /** The reporter's tracking secret (the tracking page); null: the visitor's account, if any. */
  secret: string | null;
}

/**
 * "Hài lòng" / "Không hài lòng" on a published answer, with the counts. A vote needs an account or the reporter's
 * secret: without either the server answers 401, and the page says how to vote.
 */
export function VoteButtons({ code, counts: initial, secret }: VoteButtonsProps) {
  const headingId = useId();
  const [voted, setCounts] = useState<VoteCounts | null>(null);
  const counts = voted ?? initial;
  const [chosen, setChosen] = useState<Vote | null>(null);
  const [pending, setPending] = useState<Vote | null>(null);
  const [needsIdentity, setNeedsIdentity] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function vote(v: Vote) {
    setPending(v);
    setError(null);
    try {
      setCounts(await voteOnAnswer(code, v, secret));
      setChosen(v);
      setNeedsIdentity(false);
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.status === 401) setNeedsIdentity(true);
      else setError(apiError.message);
    } finally {
      setPending(null);
    }
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        Đánh giá câu trả lời
      </Title>
      {counts ? (
        <Text size="sm" data-testid="vote-counts">
          {votesText(counts)}
        </Text>
      ) : null}
      <Group gap="sm">
        <Button
          variant={chosen === 'like' ? 'filled' : 'outline'}
          aria-pressed={chosen === 'like'}
          loading={pending === 'like'}
          onClick={() => void vote('like')}
        >
          Hài lòng
        </Button>
        <Button
          variant={chosen === 'dislike' ? 'filled' : 'outline'}
          color="govRed"
          aria-pressed={chosen === 'dislike'}
          loading={pending === 'dislike'}
          onClick={() => void vote('dislike')}
        >
          Không hài lòng
        </Button>
      </Group>
      <div role="status">
        {chosen ? (
          <Text size="sm" data-testid="vote-saved">
            Đã ghi nhận đánh giá {chosen === 'like' ? '“Hài lòng”' : '“Không hài lòng”'} của bạn. Bạn có thể đổi ý bằng cách chọn lại.
          </Text>
        ) : null}
      </div>
      {needsIdentity ? (
        <Alert color="govBlue" variant="light" role="alert" title="Cần đăng nhập hoặc mã tra cứu" data-testid="vote-needs-identity">
          <Text size="sm">{VOTE_NEEDS_IDENTITY}</Text>
          <Group gap="md" mt="xs">
            <Anchor href={VNEID_LOGIN_URL} size="sm">
              Đăng nhập bằng VNeID
            </Anchor>
            <Anchor component={Link} to={TRACK_PAGE} size="sm">
              Tra cứu phản ánh bằng mã tra cứu
            </Anchor>
          </Group>
        </Alert>
      ) : null}
      {error ? (
        <Text size="sm" c="govRed.9" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
