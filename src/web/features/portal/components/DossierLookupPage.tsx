import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { DossierStatusLookup } from '../../portal-dossiers/components/PublicDossierStatusPage.js';
import { normalizeDossierCode, normalizeLookupKey } from '../../portal-dossiers/portal-dossier-paths.js';
import { DossierLookupForm } from './DossierLookupForm.js';

/**
 * /tra-cuu-ho-so: the lookup box; with a code in the query (?ma=…, from the home page box, or this form
 * without JavaScript) the dossier's public status. Its own address, the one the QR code on the receipt
 * holds, is /tra-cuu-ho-so/{code} (PublicDossierStatusPage).
 */
export function DossierLookupPage() {
  const [params] = useSearchParams();
  const code = normalizeDossierCode(params.get('ma') ?? '');
  const lookupKey = params.get('key');
  if (code) return <DossierStatusLookup key={`${code} ${lookupKey ?? ''}`} code={code} lookupKey={lookupKey ? normalizeLookupKey(lookupKey) : null} />;
  return <LookupBox />;
}

function LookupBox() {
  usePageTitle('Tra cứu hồ sơ');
  return (
    <Stack gap="lg">
      <Title order={1}>Tra cứu hồ sơ</Title>
      <Paper withBorder p="lg">
        <DossierLookupForm />
      </Paper>
      <Stack gap="xs">
        <Text>
          Mã hồ sơ có dạng <span className="mono break-anywhere">000.00.31.H37-251201-0001</span>, ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, hoặc hiện
          ngay khi bạn nộp hồ sơ trực tuyến. Bạn cũng có thể quét mã QR trên giấy tiếp nhận.
        </Text>
        <Text size="sm">
          Với mã hồ sơ, bạn xem được tình trạng; thêm mã tra cứu in trên giấy tiếp nhận để xem chi tiết. Kết quả tra cứu không có thông tin cá nhân của người
          nộp hồ sơ.
        </Text>
      </Stack>
      <Anchor component={Link} to="/tai-khoan/ho-so" style={{ alignSelf: 'flex-start' }}>
        Xem hồ sơ của tôi (cần đăng nhập)
      </Anchor>
    </Stack>
  );
}
