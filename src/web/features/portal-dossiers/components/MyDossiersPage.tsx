import '../portal-dossiers.css';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { appointmentText, formatInstant } from '../dossier-format.js';
import { useMyDossiers } from '../hooks/useDossiers.js';
import { MY_DOSSIERS_PAGE, myDossierPagePath } from '../portal-dossier-paths.js';
import type { MyDossierItem } from '../api/portal-dossiers-api.js';
import { CitizenSignIn } from './CitizenSignIn.js';
import { DossierStatusBadge } from './DossierStatusBadge.js';

const TITLE = 'Hồ sơ của tôi';

/** /tai-khoan/ho-so — the dossiers the logged-in citizen submitted online, newest first. */
export function MyDossiersPage() {
  usePageTitle(TITLE);
  const { state, refresh } = useAuth();
  const { data, error, loading, reload } = useMyDossiers(state.status === 'authenticated');

  if (state.status === 'anonymous') {
    return (
      <CitizenSignIn
        title={TITLE}
        message="Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để xem các hồ sơ bạn đã nộp."
        returnTo={MY_DOSSIERS_PAGE}
      />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/tai-khoan" style={{ alignSelf: 'flex-start' }}>
        ‹ Tài khoản của tôi
      </Anchor>
      <Title order={1}>{TITLE}</Title>
      {state.status === 'loading' || loading ? <LoadingState label="Đang tải danh sách hồ sơ…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void refresh()} /> : null}
      {error ? <ErrorState error={error} title="Không tải được danh sách hồ sơ" onRetry={reload} /> : null}
      {data && data.items.length === 0 ? (
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>Bạn chưa nộp hồ sơ trực tuyến nào.</Text>
            <Button component={Link} to="/thu-tuc" variant="light">
              Tìm thủ tục để nộp hồ sơ
            </Button>
          </Stack>
        </Paper>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <Text data-testid="my-dossier-count">Bạn có {data.items.length} hồ sơ.</Text>
          <ul className="pd-list" aria-label="Danh sách hồ sơ" data-testid="my-dossiers">
            {data.items.map((item) => (
              <li key={item.id}>
                <DossierCard item={item} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Stack>
  );
}

function DossierCard({ item }: { item: MyDossierItem }) {
  return (
    <Paper withBorder p="md">
      <Stack gap={6}>
        <Title order={2} size="h4" className="break-anywhere">
          <Anchor component={Link} to={myDossierPagePath(item.id)}>
            {item.procedureName}
          </Anchor>
        </Title>
        <Group gap="sm">
          <DossierStatusBadge status={item.status} label={item.statusLabel} />
        </Group>
        <dl className="pd-facts">
          <div>
            <dt>Mã hồ sơ</dt>
            <dd className="pd-code">{item.code}</dd>
          </div>
          <div>
            <dt>Ngày nộp</dt>
            <dd>{formatInstant(item.submittedAt)}</dd>
          </div>
          <div>
            <dt>Ngày hẹn trả</dt>
            <dd>{appointmentText(item)}</dd>
          </div>
        </dl>
      </Stack>
    </Paper>
  );
}
