import '../national-sync.css';
import { Alert, Anchor, Button, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { FormError, SavedNotice } from '../../payments/components/FormOutcome.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { saveMapping, type PortalMapping } from '../api/national-sync-api.js';
import { usePortalMapping } from '../hooks/useNationalSync.js';
import { draftBody, draftProblems, fieldIds, mappingDraft, withActionRow, withAgencyRow, type MappingDraft } from '../sync-view.js';
import { ActionRowsTable, AgencyRowsTable, StatusCodesTable, type MappingEdits, type UnitChoice } from './MappingTables.js';

const ADD_ACTION_ID = 'them-ma-theo-thao-tac';
const ADD_AGENCY_ID = 'them-ma-co-quan';

/** A problem's link moves the focus to its input (a fragment link alone would not focus a select). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  document.getElementById(id)?.focus();
}

interface MappingSectionProps {
  /** Units in force to choose from, as "name (code)". */
  units: readonly UnitChoice[];
  /** Administrators edit; monitors read. */
  canEdit: boolean;
}

/**
 * The mapping of motcua's statuses and units to the portal's codes. The whole table is saved at once against the
 * version read, so that two administrators editing it at the same time do not overwrite each other unknowingly.
 */
export function MappingSection({ units, canEdit }: MappingSectionProps) {
  const query = usePortalMapping();
  // The mapping just saved, shown until the next reload (the server answered it: no need to ask again).
  const [saved, setSaved] = useState<PortalMapping | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const mapping = saved ?? query.data;

  const reload = () => {
    setSaved(null);
    setNotice(null);
    setRound((n) => n + 1);
    query.reload();
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="bang-anh-xa">
      <Title order={2} size="h3" id="bang-anh-xa">
        Bảng ánh xạ với Cổng
      </Title>
      <Text size="sm">
        Mã trạng thái hồ sơ (TrangThaiHoSo) và mã cơ quan gửi lên Cổng Dịch vụ công quốc gia. Mã theo thao tác được ưu tiên hơn mã theo trạng thái, mã theo
        trạng thái được ưu tiên hơn mã mặc định.{canEdit ? '' : ' Chỉ quản trị hệ thống được sửa bảng này.'}
      </Text>
      <SavedNotice text={notice} onClose={() => setNotice(null)} />
      {query.loading && !saved ? <LoadingState label="Đang tải bảng ánh xạ…" /> : null}
      {query.error && !saved ? <ErrorState error={query.error} title="Không tải được bảng ánh xạ" onRetry={reload} /> : null}
      {mapping ? (
        <MappingEditor
          key={`${round}|${mapping.version}`}
          mapping={mapping}
          units={units}
          canEdit={canEdit}
          onSaved={(next) => {
            setSaved(next);
            setNotice('Đã lưu bảng ánh xạ. Các lần gửi tiếp theo dùng bảng mới.');
          }}
          onReload={reload}
        />
      ) : null}
    </Stack>
  );
}

interface MappingEditorProps {
  mapping: PortalMapping;
  units: readonly UnitChoice[];
  canEdit: boolean;
  onSaved: (mapping: PortalMapping) => void;
  onReload: () => void;
}

function MappingEditor({ mapping, units, canEdit, onSaved, onReload }: MappingEditorProps) {
  const [draft, setDraft] = useState<MappingDraft>(() => mappingDraft(mapping));
  const [checked, setChecked] = useState(false);
  const save = useMutation(saveMapping);
  const summary = useRef<HTMLDivElement>(null);
  const problems = useMemo(() => draftProblems(draft), [draft]);
  const shownProblems = checked ? problems : [];
  const changed = save.error?.code === 'MAPPING_CHANGED';

  // The input to focus once the rows have changed: a new row's first choice, or the add button after a removal.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });
  const focusAfterRender = (id: string) => {
    pendingFocus.current = id;
  };

  const edits: MappingEdits | null = canEdit
    ? {
        setOverride: (status, code) => setDraft((d) => ({ ...d, overrides: { ...d.overrides, [status]: code } })),
        setActionRow: (key, change) => setDraft((d) => ({ ...d, actionRows: d.actionRows.map((r) => (r.key === key ? { ...r, ...change } : r)) })),
        setAgencyRow: (key, change) => setDraft((d) => ({ ...d, agencies: d.agencies.map((r) => (r.key === key ? { ...r, ...change } : r)) })),
        removeActionRow: (row) => {
          setDraft((d) => ({ ...d, actionRows: d.actionRows.filter((r) => r.key !== row.key) }));
          focusAfterRender(ADD_ACTION_ID);
        },
        removeAgencyRow: (row) => {
          setDraft((d) => ({ ...d, agencies: d.agencies.filter((r) => r.key !== row.key) }));
          focusAfterRender(ADD_AGENCY_ID);
        },
        errors: new Map(shownProblems.map((p) => [p.field, p.message])),
      }
    : null;

  const submit = async () => {
    setChecked(true);
    if (problems.length > 0) {
      summary.current?.focus();
      return;
    }
    const outcome = await save.run(draftBody(draft, mapping.version));
    if (outcome.ok) onSaved(outcome.value);
  };

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Mã theo trạng thái
        </Title>
        <StatusCodesTable builtIn={mapping.builtIn} draft={draft} edits={edits} />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Mã theo thao tác dẫn tới trạng thái
        </Title>
        <ActionRowsTable rows={draft.actionRows} edits={edits} />
        {canEdit ? (
          <Button
            id={ADD_ACTION_ID}
            variant="outline"
            size="sm"
            w="fit-content"
            onClick={() => {
              setDraft(withActionRow);
              focusAfterRender(fieldIds.action(draft.nextKey));
            }}
          >
            Thêm mã theo thao tác
          </Button>
        ) : null}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Mã cơ quan trên Cổng theo đơn vị
        </Title>
        <AgencyRowsTable rows={draft.agencies} units={units} edits={edits} />
        {canEdit ? (
          <Button
            id={ADD_AGENCY_ID}
            variant="outline"
            size="sm"
            w="fit-content"
            onClick={() => {
              setDraft(withAgencyRow);
              focusAfterRender(fieldIds.unit(draft.nextKey));
            }}
          >
            Thêm mã cơ quan
          </Button>
        ) : null}
      </Stack>
      {canEdit ? (
        <>
          <div ref={summary} tabIndex={-1} aria-live="polite">
            {shownProblems.length > 0 ? (
              <Alert color="govRed" variant="light" title="Bảng ánh xạ chưa lưu được: cần sửa các dòng sau" data-testid="mapping-problems">
                <List size="sm">
                  {shownProblems.map((p) => (
                    <List.Item key={`${p.field}|${p.message}`}>
                      <Anchor href={`#${p.field}`} onClick={(e) => focusField(e, p.field)}>
                        {p.where}: {p.message}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
          </div>
          {changed ? (
            <Alert color="govRed" variant="light" role="alert" title="Bảng ánh xạ vừa được người khác sửa" data-testid="mapping-changed">
              <Stack gap="sm" align="flex-start">
                <Text size="sm">{save.error?.message}</Text>
                <Button size="xs" variant="outline" color="govRed" onClick={onReload}>
                  Tải lại bảng ánh xạ (bỏ các thay đổi chưa lưu)
                </Button>
              </Stack>
            </Alert>
          ) : (
            <FormError error={save.error} title="Không lưu được bảng ánh xạ" />
          )}
          <div className="ns-actions">
            <Button onClick={() => void submit()} loading={save.pending}>
              Lưu bảng ánh xạ
            </Button>
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(mappingDraft(mapping));
                setChecked(false);
                save.reset();
              }}
              disabled={save.pending}
            >
              Hoàn tác thay đổi
            </Button>
          </div>
        </>
      ) : null}
    </Stack>
  );
}
