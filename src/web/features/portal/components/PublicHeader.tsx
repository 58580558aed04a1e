import { Container } from '@mantine/core';
import { Link } from 'react-router';
import { SITE_NAME } from '../../../shared/site.js';
import { AccountEntry } from './AccountEntry.js';

export function PublicHeader() {
  return (
    <header className="site-band">
      <Container size="md" py="md" px="md">
        <div className="site-header">
          <Link to="/" className="site-brand">
            {SITE_NAME}
          </Link>
          <AccountEntry />
        </div>
      </Container>
    </header>
  );
}
