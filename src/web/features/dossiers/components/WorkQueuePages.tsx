import { QueuePage } from './QueuePage.js';
import type { QueueTab } from './QueuePanel.js';
import { IntakeForm } from './IntakeForm.js';

const RECEPTION: QueueTab = {
  slug: 'cho-tiep-nhan',
  queue: 'reception',
  label: 'Chờ tiếp nhận',
  caption: 'Hồ sơ chờ tiếp nhận hoặc chờ nhận bổ sung, khẩn nhất ở trên',
  empty: 'Không có hồ sơ chờ tiếp nhận.',
};

const RESULT: QueueTab = {
  slug: 'cho-tra-ket-qua',
  queue: 'result',
  label: 'Chờ trả kết quả',
  caption: 'Hồ sơ đã có kết quả, chờ trả cho người nộp',
  empty: 'Không có hồ sơ chờ trả kết quả.',
};

const MINE: QueueTab = {
  slug: 'dang-xu-ly',
  queue: 'mine',
  label: 'Đang xử lý',
  caption: 'Hồ sơ bạn đang xử lý, khẩn nhất ở trên',
  empty: 'Bạn không có hồ sơ đang xử lý.',
};

const UNASSIGNED: QueueTab = {
  slug: 'cho-nhan-xu-ly',
  queue: 'unassigned',
  label: 'Chờ nhận xử lý',
  caption: 'Hồ sơ đã chuyển đến bước của bạn, chưa có người nhận xử lý',
  empty: 'Không có hồ sơ chờ nhận xử lý.',
};

/** Tiếp nhận hồ sơ: the desk's queues and the counter intake form. */
export function ReceptionPage() {
  return (
    <QueuePage
      title="Tiếp nhận hồ sơ"
      description="Hồ sơ chờ tiếp nhận, đã tiếp nhận chờ chuyển, chờ trả kết quả, và tiếp nhận hồ sơ trực tiếp hoặc qua bưu chính tại Bộ phận Một cửa."
      queues={[
        RECEPTION,
        {
          ...MINE,
          slug: 'da-tiep-nhan',
          label: 'Đã tiếp nhận, chờ chuyển',
          caption: 'Hồ sơ bạn đã tiếp nhận, chờ chuyển bước xử lý',
          empty: 'Không có hồ sơ chờ chuyển.',
        },
        RESULT,
      ]}
      extra={{ slug: 'tiep-nhan-tai-quay', label: 'Tiếp nhận tại quầy', content: <IntakeForm /> }}
    />
  );
}

/** Xử lý hồ sơ: the specialist's own dossiers and those waiting at their step. */
export function ProcessingPage() {
  return (
    <QueuePage
      title="Xử lý hồ sơ"
      description="Hồ sơ bạn đang thẩm định, xử lý và hồ sơ đã chuyển đến đơn vị, chờ nhận xử lý."
      queues={[MINE, UNASSIGNED]}
      dueSoon
    />
  );
}

/** Phê duyệt: the leader's dossiers to sign and those waiting for a leader. */
export function ApprovalPage() {
  return (
    <QueuePage
      title="Phê duyệt"
      description="Hồ sơ trình lãnh đạo xem xét, phê duyệt kết quả giải quyết."
      queues={[
        { ...MINE, label: 'Đang xử lý', caption: 'Hồ sơ bạn đã nhận để phê duyệt, khẩn nhất ở trên' },
        { ...UNASSIGNED, caption: 'Hồ sơ trình lãnh đạo, chưa có người nhận phê duyệt' },
      ]}
      dueSoon
    />
  );
}
