import '../feedback.css';
import { Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Unit } from '../../../../domain/units/unit.js';
import { UnitSelect } from '../../calendar/components/UnitSelect.js';
import { CONTENT_MAX, contentCounter, FIELD_IDS, TITLE_MAX, type FeedbackValues, type FieldErrors } from '../feedback-form.js';

interface FeedbackTextFieldsProps {
  values: FeedbackValues;
  errors: FieldErrors;
  onChange: (patch: Partial<FeedbackValues>) => void;
  units: readonly Unit[] | undefined;
  /** The unit is optional on the portal (the province's desk classifies), required for an official's entry. */
  unitRequired: boolean;
  /** Under the title: the similar answers on the portal. */
  afterTitle?: ReactNode;
}

/** What the feedback is about: title, content with its live count, and where it goes (unit, procedure, dossier). */
export function FeedbackTextFields({ values, errors, onChange, units, unitRequired, afterTitle }: FeedbackTextFieldsProps) {
  const counter = contentCounter(values.content);
  return (
    <Stack gap="md">
      <TextInput
        id={FIELD_IDS.title}
        label="Tiêu đề"
        description="Tóm tắt vấn đề trong một câu"
        value={values.title}
        onChange={(e) => onChange({ title: e.currentTarget.value })}
        maxLength={TITLE_MAX}
        required
        error={errors.title}
      />
      {afterTitle}
      <Textarea
        id={FIELD_IDS.content}
        label="Nội dung phản ánh, kiến nghị"
        description={
          <>
            Nêu rõ sự việc, thời gian, địa điểm và đề xuất của bạn (từ 20 đến 10.000 ký tự).{' '}
            <span className="fb-counter" data-ok={counter.ok} data-testid="content-counter">
              Đã nhập {counter.text}
            </span>
          </>
        }
        value={values.content}
        onChange={(e) => onChange({ content: e.currentTarget.value })}
        autosize
        minRows={6}
        maxRows={20}
        maxLength={CONTENT_MAX + 500}
        required
        error={errors.content}
      />
      <div>
        <UnitSelect
          id={FIELD_IDS.unitCode}
          label={unitRequired ? 'Đơn vị xử lý' : 'Cơ quan, đơn vị tiếp nhận phản ánh (không bắt buộc)'}
          description={unitRequired ? undefined : 'Để trống nếu không rõ: Bộ phận tiếp nhận của tỉnh sẽ phân loại và chuyển tới đơn vị có thẩm quyền.'}
          units={units ?? []}
          value={values.unitCode}
          onChange={(unitCode) => onChange({ unitCode })}
          levels={unitRequired ? undefined : ['province', 'department', 'commune']}
          clearable={!unitRequired}
          placeholder={units ? 'Gõ để tìm cơ quan, xã, phường' : 'Đang tải danh sách cơ quan…'}
          disabled={!units}
        />
        {errors.unitCode ? (
          <Text size="sm" mt={4} c="govRed.9">
            {errors.unitCode}
          </Text>
        ) : null}
      </div>
      <TextInput
        id={FIELD_IDS.procedureCode}
        label="Mã thủ tục hành chính liên quan (không bắt buộc)"
        description="Ví dụ 1.001193; xem tại trang Tìm thủ tục hành chính"
        value={values.procedureCode}
        onChange={(e) => onChange({ procedureCode: e.currentTarget.value })}
        maxLength={40}
        autoComplete="off"
        spellCheck={false}
        error={errors.procedureCode}
        maw={360}
      />
      <TextInput
        id={FIELD_IDS.dossierCode}
        label="Mã hồ sơ liên quan (không bắt buộc)"
        description="Nếu phản ánh về một hồ sơ cụ thể, ghi mã trên Giấy tiếp nhận hồ sơ"
        value={values.dossierCode}
        onChange={(e) => onChange({ dossierCode: e.currentTarget.value })}
        maxLength={60}
        autoComplete="off"
        spellCheck={false}
        error={errors.dossierCode}
        maw={420}
      />
    </Stack>
  );
}
