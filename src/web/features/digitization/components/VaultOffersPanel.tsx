import { Alert, Button, Radio, Stack, Text } from '@mantine/core';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import type { DeskVault } from '../hooks/useDeskVault.js';
import { describeVaultDocument, nationalVaultNote, offerViews } from '../vault-offers.js';

interface VaultOffersPanelProps {
  vault: DeskVault;
  /** The applicant's number as typed, and the procedure chosen. */
  personalId: string;
  procedureCode: string | null;
  /** A document was chosen for a component: it counts as received. */
  onChosen: (componentCode: string) => void;
}

const PAPER = '';

/**
 * The citizen's data vault at the desk: the desk records that the citizen agreed, then the documents that can
 * stand for each component are offered; one chosen is filed on the dossier right after intake, instead of paper.
 */
export function VaultOffersPanel({ vault, personalId, procedureCode, onChosen }: VaultOffersPanelProps) {
  const id = personalId.replace(/\s/g, '');
  const ready = procedureCode !== null && /^\d{12}$/.test(id);
  const listing = vault.consentFor ? vault.listing.data : undefined;
  const offers = listing ? offerViews(listing) : [];
  const note = listing ? nationalVaultNote(listing.national) : null;

  return (
    <fieldset className="dos-fieldset" data-testid="desk-vault">
      <legend>Kho dữ liệu của công dân</legend>
      <Stack gap="xs">
        {vault.consentFor ? (
          <Text size="sm" data-testid="vault-consent">
            Đã ghi nhận công dân đồng ý cho Bộ phận Một cửa xem kho dữ liệu (hiệu lực 2 giờ).
          </Text>
        ) : (
          <>
            <Text size="sm">Chỉ xem kho dữ liệu khi công dân đồng ý. Giấy tờ còn hiệu lực trong kho được dùng thay bản giấy, công dân không phải nộp lại.</Text>
            <div>
              <Button
                variant="outline"
                onClick={() => procedureCode && void vault.agree(id, procedureCode)}
                loading={vault.consent.pending}
                disabled={!ready}
                aria-describedby={ready ? undefined : 'kho-du-lieu-can'}
              >
                Công dân đồng ý cho xem kho dữ liệu
              </Button>
            </div>
            {ready ? null : (
              <Text id="kho-du-lieu-can" size="xs" c="dimmed">
                Cần chọn thủ tục và nhập số định danh cá nhân (12 chữ số) của người nộp.
              </Text>
            )}
          </>
        )}
        {vault.consent.error ? (
          <Alert color="govRed" variant="light" title="Chưa ghi nhận được sự đồng ý" role="alert">
            {vault.consent.error.message}
          </Alert>
        ) : null}
        {vault.consentFor && vault.listing.loading ? <LoadingState label="Đang mở kho dữ liệu của công dân…" /> : null}
        {vault.consentFor && vault.listing.error ? (
          <ErrorState error={vault.listing.error} title="Không mở được kho dữ liệu" onRetry={vault.listing.reload} />
        ) : null}
        {note ? (
          <Text size="sm" data-testid="national-vault-note">
            {note}
          </Text>
        ) : null}
        {listing && offers.length === 0 ? (
          <Text size="sm" data-testid="vault-no-offer">
            Kho dữ liệu không có giấy tờ còn hiệu lực dùng được cho thành phần nào của thủ tục này ({listing.documents.length} giấy tờ trong kho).
          </Text>
        ) : null}
        {offers.map((offer) => (
          <Radio.Group
            key={offer.componentCode}
            label={offer.componentName}
            value={vault.choices[offer.componentCode] ?? PAPER}
            onChange={(value) => {
              vault.choose(offer.componentCode, value === PAPER ? null : value);
              if (value !== PAPER) onChosen(offer.componentCode);
            }}
            data-testid="vault-offer"
          >
            <Stack gap={6} mt={4}>
              <Radio value={PAPER} label="Nhận bản giấy" />
              {offer.documents.map((doc) => (
                <Radio key={doc.id} value={doc.id} label={`Dùng giấy tờ trong kho: ${describeVaultDocument(doc)}`} />
              ))}
            </Stack>
          </Radio.Group>
        ))}
      </Stack>
    </fieldset>
  );
}
