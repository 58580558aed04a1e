import '../ratings.css';
import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { DossierRating } from '../api/ratings-api.js';
import { useDossierRating } from '../hooks/useRating.js';
import { RatingForm } from './RatingForm.js';
import { RatingSummary } from './RatingSummary.js';

interface KioskRatingProps {
  dossier: { id: string; code: string; status: string; procedureName?: string };
}

/**
 * At the desk, for a counter dossier whose result has been returned: "Mời người dân đánh giá" opens the
 * survey full-screen, in large type, for the applicant to fill in at the counter (recorded as `kiosk`).
 */
export function KioskRating({ dossier }: KioskRatingProps) {
  const returned = dossier.status === 'returned';
  const { data, reload } = useDossierRating(returned ? dossier.id : null);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<DossierRating | null>(null);

  if (!returned || !data) return null;
  if (!data.canRate && !open) {
    return data.rating ? (
      <Text size="sm" data-testid="kiosk-rating-done">
        Người dân đã đánh giá mức độ hài lòng cho hồ sơ này.
      </Text>
    ) : null;
  }

  function close() {
    setOpen(false);
    setSaved(null);
    reload();
  }

  return (
    <>
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          Mời người dân đánh giá
        </Button>
      </Group>
      <Modal
        opened={open}
        onClose={close}
        fullScreen
        title={<span className="rt-kiosk-title">Đánh giá mức độ hài lòng</span>}
        closeButtonProps={{ 'aria-label': 'Đóng màn hình đánh giá' }}
        size="100%"
      >
        <div className="rt-kiosk" data-testid="kiosk-rating">
          {saved ? (
            <Stack gap="xl" align="flex-start">
              <Title order={2} size="h1">
                Cảm ơn ông/bà đã đánh giá!
              </Title>
              <Text size="xl">Ý kiến của ông/bà đã được ghi nhận và gửi tới cơ quan giải quyết hồ sơ.</Text>
              <RatingSummary rating={saved} />
              <Button size="xl" onClick={close}>
                Hoàn tất
              </Button>
            </Stack>
          ) : (
            <Stack gap="lg">
              <Text size="xl">
                Hồ sơ <strong>{dossier.code}</strong>
                {dossier.procedureName ? ` — ${dossier.procedureName}` : ''}. Mời ông/bà cho biết mức độ hài lòng với việc giải quyết hồ sơ.
              </Text>
              <RatingForm dossierId={dossier.id} variant="kiosk" onRated={setSaved} onStale={close} />
            </Stack>
          )}
        </div>
      </Modal>
    </>
  );
}
