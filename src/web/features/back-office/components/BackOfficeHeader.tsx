import { Burger, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../domain/access/roles.js';
import { SITE_NAME } from '../../../shared/site.js';
import type { CurrentUser } from '../../auth/api/auth-api.js';
import { LogoutButton } from '../../auth/components/LogoutButton.js';
import { NotificationBell } from './NotificationBell.js';

interface BackOfficeHeaderProps {
  user: CurrentUser;
  navOpened: boolean;
  onToggleNav: () => void;
  navId: string;
}

export function BackOfficeHeader({ user, navOpened, onToggleNav, navId }: BackOfficeHeaderProps) {
  const roleAndUnit = [ROLE_LABELS[user.role], user.unitName].filter(Boolean).join(' · ');
  return (
    <div className="bo-header">
      <Burger
        className="bo-header-menu"
        opened={navOpened}
        onClick={onToggleNav}
        hiddenFrom="sm"
        size="sm"
        color="white"
        aria-label="Menu chức năng"
        aria-expanded={navOpened}
        aria-controls={navId}
      />
      <Link to="/can-bo" className="site-brand bo-header-brand">
        {SITE_NAME}
        <span className="bo-header-tagline">Trang dành cho cán bộ</span>
      </Link>
      <div className="bo-header-user">
        <Text fw={700} size="sm" truncate data-testid="current-user">
          {user.displayName}
        </Text>
        <Text size="xs" truncate data-testid="current-role">
          {roleAndUnit}
        </Text>
      </div>
      <div className="bo-header-logout">
        <Group gap="sm" wrap="nowrap">
          <NotificationBell />
          <LogoutButton redirectTo="/dang-nhap" size="xs" />
        </Group>
      </div>
    </div>
  );
}
