import '../national-sync.css';
import '../../publication/publication.css';
import { Button, NativeSelect, Text, TextInput } from '@mantine/core';
import type { DossierStatus } from '../../../../domain/dossier/dossier.js';
import { STATUS_LABELS } from '../../../../domain/dossier/dossier.js';
import type { PortalStatusCode } from '../../../../domain/national-sync/status-mapping.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { BuiltInCode } from '../api/national-sync-api.js';
import {
  actionOptions,
  actionText,
  fieldIds,
  PORTAL_CODE_OPTIONS,
  portalCodeText,
  STATUS_OPTIONS,
  type ActionRowDraft,
  type AgencyRowDraft,
  type MappingDraft,
} from '../sync-view.js';

/** Problems by input id. */
export type FieldErrors = ReadonlyMap<string, string>;

const NO_CHOICE = { value: '', label: '— Chọn —' };

/** Editing: what to call when an input changes; absent, the tables only show the mapping (monitors). */
export interface MappingEdits {
  setOverride: (status: DossierStatus, code: PortalStatusCode | '') => void;
  setActionRow: (key: number, change: Partial<Omit<ActionRowDraft, 'key'>>) => void;
  setAgencyRow: (key: number, change: Partial<Omit<AgencyRowDraft, 'key'>>) => void;
  removeActionRow: (row: ActionRowDraft) => void;
  removeAgencyRow: (row: AgencyRowDraft) => void;
  errors: FieldErrors;
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button size="xs" variant="subtle" color="govRed" onClick={onClick} aria-label={label}>
      Xóa
    </Button>
  );
}

/** The 11 internal statuses: the portal's code built in, and the code the province sends instead (if any). */
export function StatusCodesTable({ builtIn, draft, edits }: { builtIn: readonly BuiltInCode[]; draft: MappingDraft; edits: MappingEdits | null }) {
  const columns: Column<BuiltInCode>[] = [
    { header: 'Trạng thái trong hệ thống', cell: (b) => b.label },
    { header: 'Mã mặc định trên Cổng', cell: (b) => portalCodeText(b.portalCode) },
    {
      header: 'Mã gửi lên Cổng',
      cell: (b) => {
        const value = draft.overrides[b.status];
        if (!edits) return value === '' ? 'Theo mã mặc định' : portalCodeText(value);
        return (
          <NativeSelect
            aria-label={`Mã gửi lên Cổng cho trạng thái “${b.label}”`}
            data={[{ value: '', label: `Theo mã mặc định (${b.portalCode})` }, ...PORTAL_CODE_OPTIONS]}
            value={value}
            onChange={(e) => edits.setOverride(b.status, e.currentTarget.value as PortalStatusCode | '')}
            data-testid={`override-${b.status}`}
          />
        );
      },
    },
  ];
  return (
    <ResponsiveTable
      caption="Mã trạng thái gửi lên Cổng theo trạng thái hồ sơ"
      captionId="bang-anh-xa-trang-thai"
      rows={builtIn}
      rowKey={(b) => b.status}
      columns={columns}
      minWidth={640}
    />
  );
}

/** Codes for a status reached by a given action: they win over the status's own code. */
export function ActionRowsTable({ rows, edits }: { rows: readonly ActionRowDraft[]; edits: MappingEdits | null }) {
  if (rows.length === 0) return <Text size="sm">Chưa có mã riêng theo thao tác.</Text>;
  const columns: Column<ActionRowDraft>[] = edits
    ? [
        {
          header: 'Trạng thái',
          cell: (r) => (
            <NativeSelect
              aria-label={`Trạng thái của dòng ${rows.indexOf(r) + 1}`}
              data={STATUS_OPTIONS}
              value={r.status}
              onChange={(e) => edits.setActionRow(r.key, { status: e.currentTarget.value as DossierStatus })}
            />
          ),
        },
        {
          header: 'Thao tác dẫn tới trạng thái',
          cell: (r) => (
            <NativeSelect
              id={fieldIds.action(r.key)}
              aria-label={`Thao tác của dòng ${rows.indexOf(r) + 1}`}
              data={[NO_CHOICE, ...actionOptions(r.subStatus)]}
              value={r.subStatus}
              onChange={(e) => edits.setActionRow(r.key, { subStatus: e.currentTarget.value })}
              error={edits.errors.get(fieldIds.action(r.key))}
            />
          ),
        },
        {
          header: 'Mã gửi lên Cổng',
          cell: (r) => (
            <NativeSelect
              id={fieldIds.actionCode(r.key)}
              aria-label={`Mã gửi lên Cổng của dòng ${rows.indexOf(r) + 1}`}
              data={[NO_CHOICE, ...PORTAL_CODE_OPTIONS]}
              value={r.portalCode}
              onChange={(e) => edits.setActionRow(r.key, { portalCode: e.currentTarget.value as PortalStatusCode | '' })}
              error={edits.errors.get(fieldIds.actionCode(r.key))}
            />
          ),
        },
        {
          header: 'Xóa dòng',
          cell: (r) => <RemoveButton label={`Xóa dòng ${rows.indexOf(r) + 1} của mã theo thao tác`} onClick={() => edits.removeActionRow(r)} />,
        },
      ]
    : [
        { header: 'Trạng thái', cell: (r) => STATUS_LABELS[r.status] },
        { header: 'Thao tác dẫn tới trạng thái', cell: (r) => actionText(r.subStatus) },
        { header: 'Mã gửi lên Cổng', cell: (r) => (r.portalCode === '' ? '—' : portalCodeText(r.portalCode)) },
      ];
  return (
    <ResponsiveTable
      caption="Mã trạng thái theo thao tác"
      captionId="bang-anh-xa-thao-tac"
      rows={rows}
      rowKey={(r) => r.key}
      columns={columns}
      minWidth={760}
    />
  );
}

export interface UnitChoice {
  value: string;
  label: string;
}

/** Units to the portal's agency ids (MaCoQuan) sent with their dossiers. */
export function AgencyRowsTable({ rows, units, edits }: { rows: readonly AgencyRowDraft[]; units: readonly UnitChoice[]; edits: MappingEdits | null }) {
  if (rows.length === 0) return <Text size="sm">Chưa khai báo mã cơ quan nào; hồ sơ được gửi với mã cơ quan chung của tỉnh.</Text>;
  const unitLabel = (code: string) => units.find((u) => u.value === code)?.label ?? code;
  const columns: Column<AgencyRowDraft>[] = edits
    ? [
        {
          header: 'Đơn vị',
          cell: (r) => (
            <NativeSelect
              id={fieldIds.unit(r.key)}
              aria-label={`Đơn vị của dòng ${rows.indexOf(r) + 1}`}
              data={[
                NO_CHOICE,
                ...units,
                ...(r.unitCode === '' || units.some((u) => u.value === r.unitCode) ? [] : [{ value: r.unitCode, label: r.unitCode }]),
              ]}
              value={r.unitCode}
              onChange={(e) => edits.setAgencyRow(r.key, { unitCode: e.currentTarget.value })}
              error={edits.errors.get(fieldIds.unit(r.key))}
            />
          ),
        },
        {
          header: 'Mã cơ quan trên Cổng',
          cell: (r) => (
            <TextInput
              id={fieldIds.agency(r.key)}
              aria-label={`Mã cơ quan trên Cổng của dòng ${rows.indexOf(r) + 1}`}
              value={r.agencyId}
              maxLength={60}
              autoComplete="off"
              onChange={(e) => edits.setAgencyRow(r.key, { agencyId: e.currentTarget.value })}
              error={edits.errors.get(fieldIds.agency(r.key))}
            />
          ),
        },
        { header: 'Xóa dòng', cell: (r) => <RemoveButton label={`Xóa dòng ${rows.indexOf(r) + 1} của mã cơ quan`} onClick={() => edits.removeAgencyRow(r)} /> },
      ]
    : [
        { header: 'Đơn vị', cell: (r) => <span className="break-anywhere">{unitLabel(r.unitCode)}</span> },
        { header: 'Mã cơ quan trên Cổng', cell: (r) => <span className="mono break-anywhere">{r.agencyId}</span> },
      ];
  return (
    <ResponsiveTable
      caption="Mã cơ quan trên Cổng theo đơn vị"
      captionId="bang-anh-xa-co-quan"
      rows={rows}
      rowKey={(r) => r.key}
      columns={columns}
      minWidth={640}
    />
  );
}
