import { Button, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { isOfficialRole } from '../../../../domain/access/roles.js';
import { VNEID_LOGIN_URL } from '../../../shared/site.js';
import { LogoutButton } from '../../auth/components/LogoutButton.js';
import { useAuth } from '../../auth/hooks/useAuth.js';

/** Login entries for visitors; the user's name, a link to their space and "Đăng xuất" (back to the portal home) once logged in. */
export function AccountEntry() {
  const { state } = useAuth();
  const { pathname } = useLocation();
  const currentIf = (path: string) => (pathname === path ? ('page' as const) : undefined);

  if (state.status === 'authenticated') {
    const official = isOfficialRole(state.user.role);
    const to = official ? '/can-bo' : '/tai-khoan';
    return (
      <div className="site-account">
        <Text fw={600} className="site-account-name">
          {state.user.displayName}
        </Text>
        <Button component={Link} to={to} aria-current={currentIf(to)} variant="white" size="sm">
          {official ? 'Vào trang cán bộ' : 'Tài khoản của tôi'}
        </Button>
        <LogoutButton redirectTo="/" variant="outline" color="white" />
      </div>
    );
  }

  return (
    <div className="site-account">
      <Button component="a" href={VNEID_LOGIN_URL} variant="white" size="sm">
        Đăng nhập bằng VNeID
      </Button>
      <Button component={Link} to="/dang-nhap" aria-current={currentIf('/dang-nhap')} variant="outline" color="white" size="sm">
        Cán bộ đăng nhập
      </Button>
    </div>
  );
}
