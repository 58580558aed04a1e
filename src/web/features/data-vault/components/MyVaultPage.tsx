import '../../portal-dossiers/portal-dossiers.css';
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { isOfficialRole } from '../../../../domain/access/roles.js';
import { BADGE_LOOKS, type BadgeLook } from '../../../shared/badge-looks.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { CitizenSignIn } from '../../portal-dossiers/components/CitizenSignIn.js';
import { MY_VAULT_PAGE, type VaultDocument } from '../api/data-vault-api.js';
import { useMyVault } from '../hooks/useDataVault.js';
import { sortedDocuments, validityLabel, validUntilText, VAULT_SOURCE_TEXT } from '../vault-view.js';

const TITLE = 'Kho dữ liệu của tôi';
const EXPIRED_LOOK: BadgeLook = { color: 'gray.8', variant: 'outline' };

/** /tai-khoan/kho-du-lieu — the papers and results kept for the citizen, to be reused instead of provided again. */
export function MyVaultPage() {
  usePageTitle(TITLE);
  const { state, refresh } = useAuth();
  const citizen = state.status === 'authenticated' && !isOfficialRole(state.user.role);
  const { data, error, loading, reload } = useMyVault(citizen);

  if (state.status === 'anonymous') {
    return (
      <CitizenSignIn
        title={TITLE}
        message="Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để xem các giấy tờ trong kho dữ liệu của bạn."
        returnTo={MY_VAULT_PAGE}
      />
    );
  }
  const documents = data ? sortedDocuments(data.documents) : [];
  return (
    <Stack gap="lg" data-testid="vault-page">
      <Anchor component={Link} to="/tai-khoan" style={{ alignSelf: 'flex-start' }}>
        ‹ Tài khoản của tôi
      </Anchor>
      <Title order={1}>{TITLE}</Title>
      <Text>
        Giấy tờ và kết quả giải quyết thủ tục hành chính của bạn được lưu ở đây để dùng lại: khi nộp hồ sơ trực tuyến, giấy tờ còn hiệu lực được đề xuất ngay
        trong biểu mẫu, bạn không phải nộp lại.
      </Text>
      {state.status === 'loading' || loading ? <LoadingState label="Đang tải kho dữ liệu…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void refresh()} /> : null}
      {state.status === 'authenticated' && !citizen ? (
        <Alert color="govBlue" variant="light" title="Tài khoản cán bộ">
          Kho dữ liệu dành cho công dân, tổ chức đăng nhập bằng tài khoản định danh điện tử. Cán bộ một cửa xem kho dữ liệu của người nộp hồ sơ tại quầy, khi
          được người đó đồng ý.
        </Alert>
      ) : null}
      {error ? <ErrorState error={error} title="Không tải được kho dữ liệu" onRetry={reload} /> : null}
      {data && documents.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            Kho dữ liệu của bạn chưa có giấy tờ nào. Kết quả điện tử của hồ sơ đã giải quyết, giấy tờ được số hóa khi bạn nộp hồ sơ tại quầy và giấy tờ lấy từ
            kho trên Cổng Dịch vụ công quốc gia sẽ được lưu tại đây.
          </Text>
        </Paper>
      ) : null}
      {documents.length > 0 ? (
        <>
          <Text data-testid="vault-count">Kho dữ liệu có {documents.length} giấy tờ.</Text>
          <ul className="pd-list" aria-label="Giấy tờ trong kho dữ liệu" data-testid="vault-documents">
            {documents.map((doc) => (
              <li key={doc.id}>
                <VaultDocumentCard doc={doc} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Stack>
  );
}

function VaultDocumentCard({ doc }: { doc: VaultDocument }) {
  return (
    <Paper withBorder p="md" data-testid="vault-document">
      <Stack gap={6}>
        <Title order={2} size="h4" className="break-anywhere">
          {doc.title}
        </Title>
        <Group gap="sm">
          <Badge
            component="span"
            tt="none"
            size="lg"
            radius="sm"
            classNames={{ root: 'pd-badge', label: 'pd-badge-label' }}
            data-testid="vault-validity"
            {...(doc.valid ? BADGE_LOOKS.info : EXPIRED_LOOK)}
          >
            {validityLabel(doc)}
          </Badge>
        </Group>
        <dl className="pd-facts">
          <div>
            <dt>Loại giấy tờ</dt>
            <dd>{doc.typeName ?? doc.resultCode}</dd>
          </div>
          <div>
            <dt>Số, ký hiệu</dt>
            <dd>{doc.number ?? 'Không có'}</dd>
          </div>
          <div>
            <dt>Cơ quan cấp</dt>
            <dd>{doc.issuer}</dd>
          </div>
          <div>
            <dt>Ngày cấp</dt>
            <dd>{doc.issuedOn ? formatIsoDate(doc.issuedOn) : 'Không rõ'}</dd>
          </div>
          <div>
            <dt>Hiệu lực đến</dt>
            <dd>{validUntilText(doc)}</dd>
          </div>
          <div>
            <dt>Phiên bản</dt>
            <dd>{doc.version}</dd>
          </div>
          <div>
            <dt>Nguồn</dt>
            <dd data-testid="vault-source">{VAULT_SOURCE_TEXT[doc.source]}</dd>
          </div>
        </dl>
      </Stack>
    </Paper>
  );
}
