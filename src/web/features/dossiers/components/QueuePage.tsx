import '../dossiers.css';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { QueuePanel, type QueueTab } from './QueuePanel.js';
import { DueSoonPanel } from './DueSoonPanel.js';

export interface ExtraTab {
  slug: string;
  label: string;
  content: ReactNode;
}

interface QueuePageProps {
  title: string;
  description: ReactNode;
  queues: readonly QueueTab[];
  /** A tab after the queues (the counter intake form). */
  extra?: ExtraTab;
  /** Add the "Sắp đến hạn" tab: steps due soon or overdue in the official's scope, with a count per unit. */
  dueSoon?: boolean;
}

const DUE_SOON_SLUG = 'sap-den-han';

/** A back-office page of work queues as tabs, the chosen tab kept in the address (?tab=…). */
export function QueuePage({ title, description, queues, extra, dueSoon = false }: QueuePageProps) {
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  const slugs = [...queues.map((q) => q.slug), ...(dueSoon ? [DUE_SOON_SLUG] : []), ...(extra ? [extra.slug] : [])];
  const requested = params.get('tab');
  const active = requested && slugs.includes(requested) ? requested : slugs[0]!;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text maw={760}>{description}</Text>
      </Stack>
      <Tabs value={active} onChange={(value) => value && setParams({ tab: value }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label={title}>
          {queues.map((q) => (
            <Tabs.Tab key={q.slug} value={q.slug}>
              {q.label}
            </Tabs.Tab>
          ))}
          {dueSoon ? <Tabs.Tab value={DUE_SOON_SLUG}>Sắp đến hạn</Tabs.Tab> : null}
          {extra ? <Tabs.Tab value={extra.slug}>{extra.label}</Tabs.Tab> : null}
        </Tabs.List>
        {queues.map((q) => (
          <Tabs.Panel key={q.slug} value={q.slug}>
            <QueuePanel tab={q} />
          </Tabs.Panel>
        ))}
        {dueSoon ? (
          <Tabs.Panel value={DUE_SOON_SLUG}>
            <DueSoonPanel />
          </Tabs.Panel>
        ) : null}
        {extra ? <Tabs.Panel value={extra.slug}>{extra.content}</Tabs.Panel> : null}
      </Tabs>
    </Stack>
  );
}
