import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { PAR_PAGE } from '../par-view.js';

/** Back to the reform index's page. */
export function BackToIndex() {
  return (
    <Anchor component={Link} to={PAR_PAGE} style={{ alignSelf: 'flex-start' }}>
      ‹ Chỉ số cải cách hành chính
    </Anchor>
  );
}
