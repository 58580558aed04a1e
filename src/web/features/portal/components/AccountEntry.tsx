import { Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { isOfficialRole } from '../../../../domain/access/roles.js';
import { VNEID_LOGIN_URL } from '../../../shared/site.js';
import { useAuth } from '../../auth/hooks/useAuth.js';

/** Login entries for visitors; the user's name and a link to their space once logged in. */
export function AccountEntry() {
  const { state } = useAuth();

  if (state.status === 'authenticated') {
    const official = isOfficialRole(state.user.role);
    return (
      <Group gap="sm">
        <Text fw={600}>{state.user.displayName}</Text>
        <Button component={Link} to={official ? '/can-bo' : '/tai-khoan'} variant="white" size="sm">
          {official ? 'Vào trang cán bộ' : 'Tài khoản của tôi'}
        </Button>
      </Group>
    );
  }

  return (
    <Group gap="sm">
      <Button component="a" href={VNEID_LOGIN_URL} variant="white" size="sm">
        Đăng nhập bằng VNeID
      </Button>
      <Button component={Link} to="/dang-nhap" variant="outline" color="white" size="sm">
        Cán bộ đăng nhập
      </Button>
    </Group>
  );
}
