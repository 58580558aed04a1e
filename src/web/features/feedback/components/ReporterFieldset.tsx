import '../../portal-dossiers/portal-dossiers.css';
import { Checkbox, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FIELD_IDS, type FeedbackValues, type FieldErrors, type ReporterMode } from '../feedback-form.js';

interface ReporterFieldsetProps {
  values: FeedbackValues;
  errors: FieldErrors;
  onChange: (patch: Partial<FeedbackValues>) => void;
  /** The signed-in citizen's name: offers to send with the account's contact instead. */
  accountName?: string | null;
  /** Who the fieldset is about, in its legend. */
  legend: string;
}

/** Who sends it: contact typed here, the citizen's account, or anonymous; and the consent to show the name in public. */
export function ReporterFieldset({ values, errors, onChange, accountName, legend }: ReporterFieldsetProps) {
  const options: { value: ReporterMode; label: string; description: string }[] = [
    ...(accountName
      ? [
          {
            value: 'account' as const,
            label: `Dùng thông tin tài khoản (${accountName})`,
            description: 'Cơ quan liên hệ với bạn theo thông tin của tài khoản định danh.',
          },
        ]
      : []),
    {
      value: 'contact',
      label: 'Gửi kèm thông tin liên hệ',
      description: 'Cơ quan xử lý có thể liên hệ với bạn khi cần làm rõ. Thông tin này không được công khai.',
    },
    // A signed-in citizen's item is theirs: the server takes the account's contact when none is typed.
    ...(accountName
      ? []
      : [
          {
            value: 'anonymous' as const,
            label: 'Gửi ẩn danh',
            description: 'Không ghi họ tên, không có thông tin liên hệ. Bạn vẫn theo dõi được bằng mã phản ánh và mã tra cứu.',
          },
        ]),
  ];
  const named = values.reporterMode !== 'anonymous';
  return (
    <fieldset className="pd-fieldset">
      <legend>{legend}</legend>
      <Stack gap="md">
        <Radio.Group
          value={values.reporterMode}
          onChange={(mode) => onChange({ reporterMode: mode as ReporterMode })}
          label="Cách gửi"
          error={errors.reporterMode}
        >
          <Stack gap="sm" mt="xs">
            {options.map((o, i) => (
              <Radio key={o.value} id={i === 0 ? FIELD_IDS.reporterMode : undefined} value={o.value} label={o.label} description={o.description} />
            ))}
          </Stack>
        </Radio.Group>
        {accountName ? <Text size="sm">Muốn gửi ẩn danh, bạn hãy đăng xuất rồi gửi phản ánh (cần trả lời câu hỏi kiểm tra).</Text> : null}
        {values.reporterMode === 'contact' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id={FIELD_IDS.name}
              label="Họ và tên"
              value={values.name}
              onChange={(e) => onChange({ name: e.currentTarget.value })}
              autoComplete="name"
              maxLength={200}
              required
              error={errors.name}
            />
            <TextInput
              id={FIELD_IDS.phone}
              type="tel"
              label="Số điện thoại (không bắt buộc)"
              value={values.phone}
              onChange={(e) => onChange({ phone: e.currentTarget.value })}
              autoComplete="tel"
              inputMode="tel"
              maxLength={20}
              error={errors.phone}
            />
            <TextInput
              id={FIELD_IDS.email}
              type="email"
              label="Thư điện tử (không bắt buộc)"
              value={values.email}
              onChange={(e) => onChange({ email: e.currentTarget.value })}
              autoComplete="email"
              maxLength={200}
              error={errors.email}
            />
            <Textarea
              id={FIELD_IDS.address}
              label="Địa chỉ (không bắt buộc)"
              value={values.address}
              onChange={(e) => onChange({ address: e.currentTarget.value })}
              autoComplete="street-address"
              autosize
              minRows={1}
              maxLength={500}
              error={errors.address}
            />
          </SimpleGrid>
        ) : null}
        {named ? (
          <Checkbox
            id="pakn-hien-ten"
            checked={values.showName}
            onChange={(e) => onChange({ showName: e.currentTarget.checked })}
            label="Đồng ý hiển thị họ và tên khi câu trả lời được công khai"
            description="Không đánh dấu: câu trả lời được công khai không kèm họ tên. Địa chỉ, số điện thoại, thư điện tử không bao giờ được công khai."
          />
        ) : (
          <Text size="sm">Phản ánh ẩn danh được công khai cùng câu trả lời mà không có thông tin nào về người gửi.</Text>
        )}
      </Stack>
    </fieldset>
  );
}
