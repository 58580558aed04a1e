import { Paper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { COMPONENT_FORM_LABELS, type ProcedureComponent } from '../../../../domain/catalogue/procedure.js';
import { formatQuantity } from '../catalogue-format.js';
import { PROCEDURE_SECTIONS, ProcedureSection } from './ProcedureSection.js';

const NO_TEMPLATE = 'Không có mẫu';

function ComponentName({ component }: { component: ProcedureComponent }) {
  return (
    <>
      {component.name}
      {component.required ? null : (
        <Text component="span" size="sm" c="dimmed" display="block">
          Không bắt buộc (nộp nếu có)
        </Text>
      )}
    </>
  );
}

/** d) Thành phần hồ sơ: a table on wide screens, one card per paper on phones. */
export function ProcedureComponentsSection({ components }: { components: readonly ProcedureComponent[] }) {
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.components}>
      {components.length === 0 ? <Text>Không yêu cầu giấy tờ.</Text> : null}
      {components.length > 0 && isPhone ? (
        <ol className="catalogue-cards" aria-label="Các giấy tờ cần nộp" data-testid="procedure-components">
          {components.map((c, index) => (
            <li key={c.code || index}>
              <Paper withBorder p="sm">
                <Text fw={600} mb={4}>
                  {index + 1}. <ComponentName component={c} />
                </Text>
                <dl className="catalogue-facts catalogue-facts-compact">
                  <div>
                    <dt>Hình thức</dt>
                    <dd>{COMPONENT_FORM_LABELS[c.form]}</dd>
                  </div>
                  <div>
                    <dt>Số lượng</dt>
                    <dd>{formatQuantity(c.quantity)}</dd>
                  </div>
                  <div>
                    <dt>Mẫu đơn, tờ khai</dt>
                    <dd>{c.template ?? NO_TEMPLATE}</dd>
                  </div>
                </dl>
              </Paper>
            </li>
          ))}
        </ol>
      ) : null}
      {components.length > 0 && !isPhone ? (
        <Table withTableBorder withColumnBorders striped className="catalogue-table" data-testid="procedure-components">
          <caption className="table-caption">Các giấy tờ cần chuẩn bị khi nộp hồ sơ</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">STT</Table.Th>
              <Table.Th scope="col">Tên giấy tờ</Table.Th>
              <Table.Th scope="col">Hình thức</Table.Th>
              <Table.Th scope="col">Số lượng</Table.Th>
              <Table.Th scope="col">Mẫu đơn, tờ khai</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {components.map((c, index) => (
              <Table.Tr key={c.code || index}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <ComponentName component={c} />
                </Table.Td>
                <Table.Td>{COMPONENT_FORM_LABELS[c.form]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatQuantity(c.quantity)}</Table.Td>
                <Table.Td>{c.template ?? NO_TEMPLATE}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </ProcedureSection>
  );
}
