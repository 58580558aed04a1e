import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { closeRound, type ParRound } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { ActionMessage } from './ActionMessage.js';

const KEY = 'close';

/** "Kết thúc đợt", confirmed in a dialog: every assessment is frozen as it stands and the results become final. */
export function CloseRoundPanel({ round, actions }: { round: ParRound; actions: ParActions }) {
  const [confirming, setConfirming] = useState(false);
  const unfinished = round.units.filter((u) => u.status !== 'appraised').length;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Khi kết thúc, kết quả của mọi đơn vị được chốt như hiện có (số liệu tự động chưa lấy sẽ được lấy lúc này) và không sửa được nữa.
        {unfinished > 0 ? ` Còn ${unfinished} đơn vị chưa hoàn thành thẩm định.` : ' Mọi đơn vị đã được thẩm định.'}
      </Text>
      <ActionMessage actions={actions} actionKey={KEY} />
      <Group>
        <Button color="govRed" onClick={() => setConfirming(true)}>
          Kết thúc đợt
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Kết thúc đợt đánh giá?" centered closeButtonProps={{ 'aria-label': 'Đóng' }}>
        <Stack gap="sm">
          <Text size="sm">Kết thúc “{round.name}”? Sau khi kết thúc, đơn vị không tự chấm, bổ sung tài liệu được nữa và không thẩm định thêm được.</Text>
          <Group gap="sm">
            <Button
              color="govRed"
              loading={actions.pending === KEY}
              onClick={() =>
                void actions
                  .run(KEY, () => closeRound(round.id), `Đã kết thúc đợt “${round.name}”: kết quả và xếp hạng là kết quả chính thức.`)
                  .then(() => setConfirming(false))
              }
            >
              Xác nhận kết thúc đợt
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              Hủy
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
