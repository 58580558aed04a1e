import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { procedurePagePath, procedureQrPath } from '../api/catalogue-api.js';
import { PROCEDURE_SECTIONS, ProcedureSection } from './ProcedureSection.js';

interface ProcedureQrCodeProps {
  code: string;
  name: string;
}

/** The QR code printed on notices at the desk; scanning it opens this page. Key it by code. */
export function ProcedureQrCode({ code, name }: ProcedureQrCodeProps) {
  const [failed, setFailed] = useState(false);
  const pageUrl = `${window.location.origin}${procedurePagePath(code)}`;
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.qr}>
      <figure className="catalogue-qr">
        {failed ? (
          <Text>Chưa hiển thị được mã QR. Bạn vẫn có thể dùng địa chỉ trang dưới đây.</Text>
        ) : (
          <img src={procedureQrPath(code, 'svg')} alt={`Mã QR dẫn đến trang thủ tục ${name}`} width={160} height={160} onError={() => setFailed(true)} />
        )}
        <figcaption>
          <Text size="sm">
            Quét mã bằng camera điện thoại để mở trang này. Địa chỉ trang: <span className="mono break-anywhere">{pageUrl}</span>
          </Text>
        </figcaption>
      </figure>
      <Anchor href={procedureQrPath(code, 'png')} download={`ma-qr-thu-tuc-${code}.png`} style={{ alignSelf: 'flex-start' }}>
        Tải mã QR (ảnh PNG)
      </Anchor>
    </ProcedureSection>
  );
}
