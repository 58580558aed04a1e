import { AppShell } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Outlet } from 'react-router';
import { LoadingState, PAGE_LOADING_LABEL } from '../../../shared/components/LoadingState.js';
import { SkipLink } from '../../../shared/components/SkipLink.js';
import { useFocusMainOnNavigate } from '../../../shared/hooks/useFocusMainOnNavigate.js';
import { MAIN_CONTENT_ID } from '../../../shared/site.js';
import type { CurrentUser } from '../../auth/api/auth-api.js';
import { BackOfficeHeader } from './BackOfficeHeader.js';
import { BackOfficeNavbar } from './BackOfficeNavbar.js';
import { SessionExpiryAlert } from './SessionExpiryAlert.js';

const NAV_ID = 'dieu-huong-can-bo';

export function BackOfficeShell({ user }: { user: CurrentUser }) {
  useFocusMainOnNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the "sm" breakpoint the navbar slides off-screen when collapsed; make it unreachable then.
  // When it is open it covers the page, so the page underneath is taken out of the tab order instead.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const menuCoversPage = isPhone && opened;

  useEffect(() => {
    if (!menuCoversPage) return undefined;
    // Escape closes the phone menu and gives focus back to the button that opened it.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      document.querySelector<HTMLElement>(`[aria-controls="${NAV_ID}"]`)?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuCoversPage, close]);

  return (
    <>
      <SkipLink />
      <AppShell header={{ height: { base: 112, sm: 72 } }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header className="site-band">
          <BackOfficeHeader user={user} navOpened={opened} onToggleNav={toggle} navId={NAV_ID} />
        </AppShell.Header>
        <AppShell.Navbar id={NAV_ID} aria-label="Chức năng" p="sm" inert={isPhone && !opened}>
          <BackOfficeNavbar role={user.role} onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} inert={menuCoversPage}>
          <SessionExpiryAlert />
          {/* Each page is fetched on first use (App.tsx): the header and menu stay while it loads. */}
          <Suspense fallback={<LoadingState label={PAGE_LOADING_LABEL} />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
