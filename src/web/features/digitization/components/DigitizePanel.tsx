import '../digitization.css';
import { Alert, Button, Checkbox, Group, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { signatureText } from '../../../shared/dossier-file-format.js';
import { todayInVietnam } from '../../../shared/format.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { ServerErrorDetails } from '../../dossiers/components/ServerErrorDetails.js';
import type { ComponentFiles } from '../../dossiers/component-files.js';
import { digitizeComponent, type DigitizedFrom, type DossierFile } from '../api/provide-once-api.js';
import {
  checkDigitize,
  DIGITIZED_FROM_LABELS,
  DIGITIZED_FROM_OPTIONS,
  firstDigitizeError,
  toBase64,
  type DigitizeErrors,
  type DigitizeField,
  type DigitizeValues,
  type ScanPage,
} from '../scan-pages.js';
import { ScanPagesField } from './ScanPagesField.js';

const HEADING_ID = 'so-hoa-thanh-phan-ho-so';
const IDS = {
  componentCode: 'so-hoa-thanh-phan',
  pages: 'so-hoa-them-trang',
  from: 'so-hoa-tu-ban-chinh',
  validUntil: 'so-hoa-hieu-luc',
  matchesOriginal: 'so-hoa-xac-nhan',
} as const satisfies Record<DigitizeField, string>;

interface DigitizePanelProps {
  dossierId: string;
  /** The dossier's components with their files (filesByComponent). */
  components: readonly ComponentFiles[];
  /** After a component is digitized: reload the files and what the dossier recorded. */
  onDigitized: () => void;
}

/** The paper a component is usually scanned from: what the procedure asks for, else the original. */
function defaultFrom(form: string | undefined): DigitizedFrom {
  return DIGITIZED_FROM_OPTIONS.find((f) => f === form) ?? 'original';
}

function initialValues(components: readonly ComponentFiles[]): DigitizeValues {
  const next = components.find((c) => c.state !== 'digitized') ?? components[0];
  return { componentCode: next?.component.code ?? '', from: defaultFrom(next?.component.form), validUntil: '', matchesOriginal: false };
}

/**
 * "Số hóa thành phần hồ sơ": the receiving desk scans a paper component (the scanner's pages or one PDF), says
 * what paper it scanned and until when it is valid, confirms the copy matches the original, and the unit's
 * certificate signs it. The result (pages, signature, signer) then shows in the components list.
 */
export function DigitizePanel({ dossierId, components, onDigitized }: DigitizePanelProps) {
  const usable = components.filter((c) => c.component.code !== '');
  const [values, setValues] = useState<DigitizeValues>(() => initialValues(usable));
  const [pages, setPages] = useState<ScanPage[]>([]);
  const [errors, setErrors] = useState<DigitizeErrors>({});
  const [done, setDone] = useState<{ file: DossierFile; name: string } | null>(null);
  const action = useAction();

  const set = <K extends keyof DigitizeValues>(key: K, value: DigitizeValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  async function submit() {
    if (action.pending) return;
    const checked = checkDigitize(values, pages, todayInVietnam());
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = firstDigitizeError(checked.errors);
      if (first) document.getElementById(IDS[first])?.focus();
      return;
    }
    setErrors({});
    setDone(null);
    const outcome = await action.run(async () => {
      const scanned = await Promise.all(pages.map(async (p) => ({ contentType: p.contentType, data: toBase64(new Uint8Array(await p.file.arrayBuffer())) })));
      return digitizeComponent(dossierId, { ...checked.body, pages: scanned });
    });
    if (!outcome?.ok) return;
    const name = usable.find((c) => c.component.code === values.componentCode)?.component.name ?? values.componentCode;
    setDone({ file: outcome.value, name });
    setPages([]);
    // The next paper component not digitized yet, the same way.
    const rest = usable.filter((c) => c.state !== 'digitized' && c.component.code !== values.componentCode);
    setValues(initialValues(rest.length > 0 ? rest : usable));
    onDigitized();
  }

  if (usable.length === 0) return null;

  return (
    // A form (its landmark is named by the heading): Enter in a field asks to digitize, as the button does.
    <form
      noValidate
      aria-labelledby={HEADING_ID}
      data-testid="digitize-panel"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={HEADING_ID}>
          Số hóa thành phần hồ sơ
        </Title>
        <Text size="sm">
          Quét giấy tờ người nộp mang đến và đối chiếu với bản gốc. Bản số hóa được ký số bằng chứng thư số của cơ quan, có giá trị sử dụng như bản giấy và được
          lưu vào kho dữ liệu của công dân để không phải nộp lại.
        </Text>
        <div aria-live="polite">
          {done ? (
            <Alert
              color="green"
              variant="light"
              title="Đã số hóa và ký số"
              data-testid="digitize-result"
              classNames={{ title: 'dig-success-title' }}
              withCloseButton
              closeButtonLabel="Ẩn thông báo"
              onClose={() => setDone(null)}
            >
              <Text size="sm">
                {done.name}: {done.file.pages ?? 1} trang · {signatureText(done.file) ?? 'chưa có chữ ký số'}
              </Text>
            </Alert>
          ) : null}
        </div>
        <NativeSelect
          id={IDS.componentCode}
          label="Thành phần hồ sơ"
          data={usable.map((c) => ({ value: c.component.code, label: `${c.component.name}${c.state === 'digitized' ? ' (đã số hóa)' : ''}` }))}
          value={values.componentCode}
          onChange={(event) => {
            const code = event.currentTarget.value;
            set('componentCode', code);
            set('from', defaultFrom(usable.find((c) => c.component.code === code)?.component.form));
          }}
          error={errors.componentCode}
        />
        <ScanPagesField
          id={IDS.pages}
          pages={pages}
          onChange={(next) => {
            setPages(next);
            setErrors(({ pages: _cleared, ...rest }) => rest);
          }}
          error={errors.pages}
        />
        <Radio.Group label="Giấy tờ đã quét" value={values.from} onChange={(v) => set('from', v as DigitizedFrom)} error={errors.from}>
          <Group gap="lg" mt={4}>
            {DIGITIZED_FROM_OPTIONS.map((f, i) => (
              <Radio key={f} id={i === 0 ? IDS.from : `${IDS.from}-${f}`} value={f} label={DIGITIZED_FROM_LABELS[f]} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          id={IDS.validUntil}
          className="dig-valid-until"
          label="Giấy tờ có hiệu lực đến ngày"
          description="dd/mm/yyyy; để trống nếu giấy tờ không có thời hạn"
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          autoComplete="off"
          value={values.validUntil}
          onChange={(event) => set('validUntil', event.currentTarget.value)}
          error={errors.validUntil}
        />
        <Checkbox
          id={IDS.matchesOriginal}
          label="Tôi xác nhận bản số hóa đúng với bản gốc"
          checked={values.matchesOriginal}
          onChange={(event) => set('matchesOriginal', event.currentTarget.checked)}
          error={errors.matchesOriginal}
          required
          aria-required="true"
        />
        {action.error ? (
          <Alert color="govRed" variant="light" title="Chưa số hóa được" role="alert">
            <Text size="sm">{action.error.message}</Text>
            <ServerErrorDetails details={action.error.details} />
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={action.pending}>
            Số hóa và ký số
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
