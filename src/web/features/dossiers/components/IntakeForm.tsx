import { Alert, Button, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CHANNEL_LABELS } from '../../../../domain/catalogue/procedure.js';
import type { Attachments } from '../../../shared/attachments.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { useAttachmentUploads } from '../../../shared/hooks/useAttachmentUploads.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { formatDuration } from '../../catalogue/catalogue-format.js';
import type { ProcedureSummary } from '../../catalogue/api/catalogue-api.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { CounterEFormFields } from '../../digitization/components/CounterEFormFields.js';
import { VaultOffersPanel } from '../../digitization/components/VaultOffersPanel.js';
import { BLOCK_KEYS, eFormInputId, type ApplicantBlock } from '../../digitization/counter-eform.js';
import { useCounterProvideOnce } from '../../digitization/hooks/useCounterProvideOnce.js';
import { useDeskVault } from '../../digitization/hooks/useDeskVault.js';
import { useVaultReuse } from '../../digitization/hooks/useVaultReuse.js';
import { reuseRequests } from '../../digitization/vault-offers.js';
import { createDossier, type CreatedDossier } from '../api/dossiers-api.js';
import {
  buildIntakeBody,
  defaultSupplementReason,
  firstErrorField,
  hasErrors,
  initialIntake,
  intakeChannels,
  missingRequired,
  scanJobs,
  type ComponentLine,
  type IntakeErrors,
  type IntakeField,
  type IntakeValues,
} from '../intake-form.js';
import { useProcedureDetail } from '../hooks/useProcedureLookup.js';
import { APPLICANT_IDS, ApplicantFieldset } from './ApplicantFieldset.js';
import { checkboxId, ComponentChecklist } from './ComponentChecklist.js';
import { IntakeSuccess } from './IntakeSuccess.js';
import { ProcedurePicker } from './ProcedurePicker.js';
import { ServerErrorDetails } from './ServerErrorDetails.js';

const HEADING_ID = 'tiep-nhan-tai-quay';
const IDS = {
  procedure: 'thu-tuc-tiep-nhan',
  ...APPLICANT_IDS,
  channel: 'cach-thuc-nop-counter',
  unitCode: 'co-quan-giai-quyet',
  supplementReason: 'ly-do-yeu-cau-bo-sung',
} as const satisfies Partial<Record<IntakeField, string>>;

const BLOCK_FIELDS = Object.keys(BLOCK_KEYS) as (keyof ApplicantBlock)[];

/**
 * Counter (or postal) intake, keyboard first: find the procedure, fill in the applicant, tick the components
 * received (and attach their scans), then Ctrl+Enter (or the button) receives and accepts the dossier; the
 * scans are sent right after, as digitized files of their components. Plain Enter never submits. While a
 * mandatory component is not ticked the dossier cannot be accepted: the form offers the supplement request
 * (form 02) instead, which receives the dossier without starting its clock.
 */
export function IntakeForm() {
  const [selected, setSelected] = useState<ProcedureSummary | null>(null);
  const [values, setValues] = useState<IntakeValues>(() => initialIntake(null));
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [created, setCreated] = useState<{ dossier: CreatedDossier; components: ComponentLine[] } | null>(null);
  // Files stay in memory only, by component code, until the dossier exists.
  const [scans, setScans] = useState<Attachments>({});
  // The reason on form 02; '' until the desk writes one (the default reason is offered as the placeholder text).
  const [supplementReason, setSupplementReason] = useState<string | null>(null);
  const uploads = useAttachmentUploads();
  const [round, setRound] = useState(0);
  const procedureInput = useRef<HTMLInputElement>(null);
  const fullNameInput = useRef<HTMLInputElement>(null);
  const detail = useProcedureDetail(selected?.code ?? null);
  const { data: unitData } = useUnits();
  const action = useAction();

  const procedure = selected && detail.data?.code === selected.code ? detail.data : null;
  // Issue 20: the registry lookup and e-form, the citizen's vault, and the components met from it after intake.
  const provideOnce = useCounterProvideOnce(procedure, values.personalId);
  const vault = useDeskVault(values.personalId, procedure?.code ?? null);
  const reuse = useVaultReuse();
  // A newly loaded procedure brings its components and channels; the applicant stays as typed.
  if (procedure && loadedFor !== procedure.code) {
    setLoadedFor(procedure.code);
    setValues((v) => ({ ...initialIntake(procedure), fullName: v.fullName, personalId: v.personalId, address: v.address, phone: v.phone, email: v.email }));
    setScans({});
  }
  if (!selected && loadedFor !== null) {
    setLoadedFor(null);
    setValues((v) => ({ ...v, components: [], unitCode: '' }));
    setScans({});
  }

  const channels = procedure ? intakeChannels(procedure) : (['counter', 'postal'] as const);
  const unitChoices = useMemo(() => {
    const codes = selected?.implementingUnitCodes ?? [];
    if (codes.length < 2) return [];
    const names = new Map((unitData?.units ?? []).map((u) => [u.code, u.name]));
    return codes.map((code) => ({ value: code, label: names.get(code) ?? code }));
  }, [selected, unitData]);
  const timeLimit = procedure?.methods.find((m) => m.channel === values.channel)?.timeLimit;
  const missing = procedure ? missingRequired(values.components) : [];
  const reasonText = supplementReason ?? defaultSupplementReason(missing);

  const set = <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function lookUp() {
    const outcome = await provideOnce.lookUp(values);
    if (!outcome) return;
    if ('errors' in outcome) {
      const { fullName, personalId } = outcome.errors;
      setErrors((e) => ({ ...e, fullName, personalId }));
      const first = fullName ? IDS.fullName : personalId ? IDS.personalId : eFormInputId('birthDate');
      document.getElementById(first)?.focus();
      return;
    }
    setValues((v) => ({ ...v, ...outcome.block }));
    setErrors((e) => ({ ...e, fullName: undefined, personalId: undefined, address: undefined }));
  }

  function focusField(field: IntakeField | 'copies', found: IntakeErrors) {
    let id: string | undefined;
    if (field === 'components') id = values.components[0] ? checkboxId(values.components[0].code) : undefined;
    else if (field === 'copies') {
      const code = Object.keys(found.copies ?? {})[0];
      id = code ? `${checkboxId(code)}-so-ban` : undefined;
    } else id = IDS[field];
    if (id) document.getElementById(id)?.focus();
  }

  async function submit(mode: 'accept' | 'supplement' = 'accept') {
    if (action.pending) return;
    const result = buildIntakeBody(
      procedure && selected ? { ...procedure, implementingUnitCodes: selected.implementingUnitCodes } : null,
      values,
      mode === 'supplement' ? { reason: reasonText } : undefined,
    );
    const eform = provideOnce.check(values);
    if (!result.ok || !eform.ok) {
      const found: IntakeErrors = result.ok ? {} : { ...result.errors };
      // The e-form's problems on the applicant block, where no problem of the form's own is shown already.
      if (!eform.ok) for (const key of BLOCK_FIELDS) found[key] ??= eform.problems.block[key];
      setErrors(found);
      const first = firstErrorField(found);
      const extra = eform.ok ? undefined : Object.keys(eform.problems.extras)[0];
      if (first) window.setTimeout(() => focusField(first, found), 0);
      else if (extra) window.setTimeout(() => document.getElementById(eFormInputId(extra))?.focus(), 0);
      return;
    }
    setErrors({});
    const outcome = await action.run(() => createDossier({ ...result.body, ...eform.fields }));
    if (outcome?.ok) {
      setCreated({ dossier: outcome.value, components: values.components.filter((c) => c.checked) });
      uploads.start(outcome.value.id, scanJobs(values.components, scans));
      reuse.start(outcome.value.id, reuseRequests(values.components, vault.choices));
    }
  }

  function reset() {
    setCreated(null);
    setScans({});
    uploads.clear();
    reuse.clear();
    provideOnce.reset();
    vault.reset();
    setSelected(null);
    setSupplementReason(null);
    setValues(initialIntake(null));
    setErrors({});
    action.clearError();
    setRound((r) => r + 1);
    window.setTimeout(() => procedureInput.current?.focus(), 0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void submit();
    } else if (event.target instanceof HTMLInputElement) {
      // A stray Enter in a field must not receive a half-typed dossier.
      event.preventDefault();
    }
  }

  if (created) {
    return (
      <Paper withBorder p="md" mt="md">
        <IntakeSuccess created={created.dossier} components={created.components} uploads={uploads} reuse={reuse} onNext={reset} />
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby={HEADING_ID}>
      <form
        noValidate
        className="dos-intake"
        onKeyDown={onKeyDown}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id={HEADING_ID}>
            Tiếp nhận hồ sơ tại quầy
          </Title>
          <Text size="sm" className="dos-kbd-hint">
            Chọn thủ tục, nhập thông tin người nộp, đánh dấu giấy tờ đã nhận (kèm bản scan nếu có) rồi bấm <kbd>Ctrl</kbd>+<kbd>Enter</kbd> để tiếp nhận. Hồ sơ
            được tiếp nhận ngay và bắt đầu tính thời hạn giải quyết; bản scan được gửi ngay sau đó.
          </Text>
          <ProcedurePicker
            key={round}
            id={IDS.procedure}
            inputRef={procedureInput}
            selected={selected}
            error={errors.procedure}
            onSelect={(p) => {
              setSelected(p);
              if (p) {
                setErrors(({ procedure: _cleared, ...rest }) => rest);
                fullNameInput.current?.focus();
              }
            }}
          />
          {selected && !procedure && detail.loading ? <LoadingState label="Đang tải thành phần hồ sơ…" /> : null}
          {selected && detail.error ? (
            <Alert color="govRed" variant="light" title="Không tải được thủ tục">
              {detail.error.message}
            </Alert>
          ) : null}
          {procedure ? (
            <Text size="sm" data-testid="intake-procedure">
              <strong>{procedure.name}</strong> · {procedure.agency.competentAuthority}
              {timeLimit ? ` · thời hạn ${formatDuration(timeLimit)}` : ''}
            </Text>
          ) : null}

          <ApplicantFieldset
            values={values}
            errors={errors}
            onChange={(key, value) => {
              set(key, value);
              setErrors(({ [key]: _cleared, ...rest }) => rest);
            }}
            fullNameRef={fullNameInput}
            provideOnce={provideOnce}
            procedureChosen={procedure !== null}
            onLookUp={() => void lookUp()}
          />
          {procedure ? <CounterEFormFields state={provideOnce} /> : null}

          <Radio.Group label="Cách thức nộp" value={values.channel} onChange={(v) => set('channel', v as IntakeValues['channel'])} error={errors.channel}>
            <Group gap="lg" mt={4}>
              {(['counter', 'postal'] as const).map((c) => (
                <Radio
                  key={c}
                  id={`cach-thuc-nop-${c}`}
                  value={c}
                  label={c === 'counter' ? 'Trực tiếp' : CHANNEL_LABELS.postal}
                  disabled={!channels.includes(c)}
                />
              ))}
            </Group>
          </Radio.Group>

          {unitChoices.length > 0 ? (
            <NativeSelect
              id={IDS.unitCode}
              label="Cơ quan giải quyết"
              data={[{ value: '', label: '— Chọn cơ quan —' }, ...unitChoices]}
              value={values.unitCode}
              onChange={(event) => set('unitCode', event.currentTarget.value)}
              error={errors.unitCode}
            />
          ) : null}

          {procedure ? (
            <ComponentChecklist
              lines={values.components}
              onChange={(lines) => set('components', lines)}
              error={errors.components}
              copiesErrors={errors.copies}
              scans={scans}
              onScansChange={(code, list) => setScans((previous) => ({ ...previous, [code]: list }))}
            />
          ) : null}

          {procedure ? (
            <VaultOffersPanel
              vault={vault}
              personalId={values.personalId}
              procedureCode={procedure.code}
              onChosen={(code) =>
                set(
                  'components',
                  values.components.map((c) => (c.code === code ? { ...c, checked: true } : c)),
                )
              }
            />
          ) : null}

          {procedure && missing.length > 0 ? (
            <Alert color="govRed" variant="light" title="Hồ sơ chưa đủ thành phần bắt buộc" data-testid="intake-missing">
              <Stack gap="sm">
                <Text size="sm">
                  Còn thiếu: <strong>{missing.map((c) => c.name).join('; ')}</strong>. Hồ sơ chỉ được tiếp nhận khi đủ thành phần bắt buộc. Nếu người nộp chưa
                  có đủ giấy tờ, lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02) giao cho người nộp; hồ sơ chưa được tiếp nhận nên chưa tính thời hạn
                  giải quyết.
                </Text>
                <Textarea
                  id={IDS.supplementReason}
                  label="Lý do yêu cầu bổ sung (in trên Mẫu số 02)"
                  autosize
                  minRows={2}
                  value={reasonText}
                  onChange={(event) => setSupplementReason(event.currentTarget.value)}
                  error={errors.supplementReason}
                />
                <Group>
                  <Button variant="outline" color="govRed" onClick={() => void submit('supplement')} loading={action.pending}>
                    Lập phiếu yêu cầu bổ sung (Mẫu 02)
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}

          {action.error ? (
            <Alert color="govRed" variant="light" title="Chưa tiếp nhận được hồ sơ" role="alert">
              <Text size="sm">{action.error.message}</Text>
              <ServerErrorDetails details={action.error.details} />
            </Alert>
          ) : null}
          {hasErrors(errors) ? (
            <Text size="sm" c="govRed.7" role="alert">
              Vui lòng kiểm tra các ô được đánh dấu.
            </Text>
          ) : null}
          <Group gap="sm">
            <Button type="submit" loading={action.pending}>
              Tiếp nhận hồ sơ
            </Button>
            <Text size="sm" c="dimmed" className="dos-kbd-hint" aria-hidden="true">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
