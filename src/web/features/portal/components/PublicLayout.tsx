import { Container } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingState, PAGE_LOADING_LABEL } from '../../../shared/components/LoadingState.js';
import { SkipLink } from '../../../shared/components/SkipLink.js';
import { useFocusMainOnNavigate } from '../../../shared/hooks/useFocusMainOnNavigate.js';
import { MAIN_CONTENT_ID } from '../../../shared/site.js';
import { PublicFooter } from './PublicFooter.js';
import { PublicHeader } from './PublicHeader.js';
import { useExpiredDraftSweep } from '../../portal-dossiers/hooks/useExpiredDraftSweep.js';

/** Frame of every citizen-facing page: skip link, banner, one <main>, footer kept at the bottom. */
export function PublicLayout() {
  useFocusMainOnNavigate();
  useExpiredDraftSweep(); // drafts never sent are not kept on the device past the retention period
  return (
    <div className="public-page">
      <SkipLink />
      <PublicHeader />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="public-main">
        <Container size="md" py="xl" px="md">
          {/* Pages other than the home page are fetched on first use (App.tsx): the banner stays while one loads. */}
          <Suspense fallback={<LoadingState label={PAGE_LOADING_LABEL} />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <PublicFooter />
    </div>
  );
}
