import { Badge } from '@mantine/core';
import { statusLabel } from '../decision-draft.js';

/** "Bản nháp" (outlined) or "Đã công bố" (filled): the words carry the meaning, the look only helps. */
export function DecisionStatusBadge({ status }: { status: string }) {
  const published = status === 'published';
  return (
    <Badge
      component="span"
      tt="none"
      size="md"
      radius="sm"
      classNames={{ root: 'pub-badge', label: 'pub-badge-label' }}
      color={published ? 'govBlue' : 'gray.8'}
      variant={published ? 'filled' : 'outline'}
    >
      {statusLabel(status)}
    </Badge>
  );
}
