import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../../../domain/access/roles.js';
import { navItemsFor } from '../nav-items.js';

function isActive(itemPath: string, pathname: string): boolean {
  const current = pathname.replace(/\/+$/, '') || '/';
  if (itemPath === '/can-bo') return current === '/can-bo';
  return current === itemPath || current.startsWith(`${itemPath}/`);
}

export function BackOfficeNavbar({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
      {navItemsFor(role).map((item) => {
        const active = isActive(item.path, pathname);
        return (
          <li key={item.path}>
            <NavLink component={Link} to={item.path} label={item.label} active={active} aria-current={active ? 'page' : undefined} onClick={onNavigate} />
          </li>
        );
      })}
    </Stack>
  );
}
