import '../../publication/publication.css';
import '../reform-plan.css';
import { Alert, Anchor, Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { toBase64 } from '../../digitization/scan-pages.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { importReformPlan, type ReformImportResult } from '../api/reform-plan-api.js';
import { checkPlanFile, planPage, REFORM_PAGE, yearOf } from '../reform-view.js';
import { ActionError } from './ActionError.js';

const PAGE_TITLE = 'Nhập kế hoạch cải cách hành chính từ Excel';

/**
 * /can-bo/ke-hoach-cai-cach/nhap: the plan's keeper sends a workbook, one row per task. A bad row refuses the whole
 * file, each problem listed with its row; nothing is imported until every row is right.
 */
export function ReformImportPage() {
  usePageTitle(PAGE_TITLE);
  const [params] = useSearchParams();
  const hintId = useId();
  const [year, setYear] = useState<number>(() => yearOf(params.get('nam'), todayInVietnam()));
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ReformImportResult | null>(null);
  const send = useMutation(importReformPlan);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    if (!file) return setProblem('Cần chọn tệp Excel (.xlsx) của kế hoạch.');
    const wrong = checkPlanFile(file);
    setProblem(wrong);
    if (wrong) return;
    const data = toBase64(new Uint8Array(await file.arrayBuffer()));
    const done = await send.run(year, { fileName: file.name.slice(0, 200), data, planTitle: title.trim().length >= 5 ? title.trim() : null });
    if (done.ok) setResult(done.value);
  }

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Button component={Link} to={planPage(year)} variant="outline">
            Về kế hoạch
          </Button>
        }
      >
        <Text>
          Mỗi dòng một nhiệm vụ, dưới một dòng tiêu đề có các cột: “Nội dung nhiệm vụ”, “Đơn vị chủ trì (mã hoặc tên)”, “Thời hạn hoàn thành (dd/MM/yyyy)”, “Sản
          phẩm dự kiến” và, nếu là nhiệm vụ kiểm tra, cột “Loại” ghi “Kiểm tra”. Tệp Excel xuất từ trang kế hoạch dùng được làm mẫu.
        </Text>
      </PageHeading>
      <Paper withBorder p="md" component="section" aria-label="Tệp kế hoạch">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm" maw={640}>
            <NumberInput id="cchc-nhap-nam" label="Năm kế hoạch" min={2000} max={2100} value={year} onChange={(v) => setYear(Number(v) || year)} required />
            <TextInput
              id="cchc-nhap-ten"
              label="Tên kế hoạch (khi tạo mới; không bắt buộc)"
              placeholder={`Kế hoạch cải cách hành chính năm ${year}`}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <label htmlFor="cchc-nhap-tep">
              <Text component="span" fw={500} size="sm">
                Tệp Excel (.xlsx, không quá 10 MB)
              </Text>
            </label>
            <input
              id="cchc-nhap-tep"
              className="reform-file-input"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={hintId}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setProblem(null);
              }}
            />
            <Text id={hintId} size="sm">
              Có dòng sai thì không nhập dòng nào: sửa các dòng được nêu rồi gửi lại tệp.
            </Text>
            <ProblemList problems={problem ? [problem] : []} />
            <ActionError error={send.error} title="Chưa nhập kế hoạch" />
            {result ? (
              <Alert color="green" variant="light" title="Đã nhập kế hoạch" role="status">
                Đã nhập {result.imported} nhiệm vụ; kế hoạch năm {result.year} có {result.total} nhiệm vụ.{' '}
                <Anchor component={Link} to={planPage(result.year)}>
                  Xem kế hoạch
                </Anchor>
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={send.pending}>
                Nhập kế hoạch
              </Button>
              <Anchor component={Link} to={REFORM_PAGE}>
                Hủy
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
