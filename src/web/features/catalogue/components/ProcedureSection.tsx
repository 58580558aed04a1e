import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SectionLink {
  id: string;
  title: string;
}

/** The sections of a procedure page, in order; the table of contents is built from this list. */
export const PROCEDURE_SECTIONS = {
  methods: { id: 'cach-thuc-thuc-hien', title: 'Cách thức thực hiện và thời hạn giải quyết' },
  components: { id: 'thanh-phan-ho-so', title: 'Thành phần hồ sơ' },
  fees: { id: 'phi-le-phi', title: 'Phí, lệ phí' },
  requirements: { id: 'yeu-cau-dieu-kien', title: 'Yêu cầu, điều kiện' },
  sequence: { id: 'trinh-tu-thuc-hien', title: 'Trình tự thực hiện' },
  process: { id: 'cac-buoc-giai-quyet', title: 'Các bước giải quyết' },
  results: { id: 'ket-qua', title: 'Kết quả thực hiện' },
  legal: { id: 'can-cu-phap-ly', title: 'Căn cứ pháp lý' },
  publication: { id: 'thong-tin-cong-bo', title: 'Thông tin công bố' },
  qr: { id: 'ma-qr', title: 'Mã QR của thủ tục' },
} as const satisfies Record<string, SectionLink>;

export function ProcedureSection({ section, children }: { section: SectionLink; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={section.id} className="catalogue-section">
      <Title order={2} size="h3" id={section.id}>
        {section.title}
      </Title>
      {children}
    </Stack>
  );
}

export function ProcedureContents() {
  return (
    <nav className="catalogue-toc" aria-label="Nội dung của trang">
      <ul>
        {Object.values(PROCEDURE_SECTIONS).map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
