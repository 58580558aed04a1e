-- Online payment of fees (issue 18). A dossier's fee lines come from its procedure version's fee schedule at intake,
-- or from an official (with a reason). Attempts pay lines, apart from the dossier's state; every word a gateway
-- sends (callback, query answer) is kept raw and append-only; receipts are numbered per unit and year.

create table dossier_fees (
  id            uuid primary key default gen_random_uuid(),
  dossier_id    uuid not null references dossiers (id),
  line          integer not null,
  kind          text not null check (kind in ('fee', 'charge')),
  name          text not null,
  amount        bigint not null check (amount >= 0),
  moment        text not null check (moment in ('submission', 'supplement', 'result')),
  basis         text not null,
  source        text not null check (source in ('catalogue', 'official')),
  created_by    uuid references users (id),
  created_at    timestamptz not null,
  replaced_by   uuid references dossier_fees (id),
  paid_by       uuid,
  -- Settled before motcua recorded payments (the lines of dossiers received before this migration): not owed.
  settled_before boolean not null default false,
  unique (dossier_id, line)
);

create table payment_attempts (
  id                       uuid primary key default gen_random_uuid(),
  dossier_id               uuid not null references dossiers (id),
  unit_code                text not null,
  method                   text not null check (method in ('vnpay', 'nationalPlatform', 'cash', 'transfer')),
  reference                text not null,
  amount                   bigint not null check (amount > 0),
  fee_ids                  jsonb not null,
  status                   text not null check (status in ('initiated', 'awaitingConfirmation', 'paid', 'failed', 'expired', 'amountMismatch', 'refundRequested', 'refunded')),
  task                     text,
  description              text not null,
  payer_ip                 text not null default '',
  created_at               timestamptz not null,
  created_by               uuid references users (id),
  expires_at               timestamptz,
  settled_at               timestamptz,
  paid_amount              bigint,
  provider_transaction_id  text,
  bank_code                text,
  gateway_code             text,
  queries                  integer not null default 0,
  last_queried_at          timestamptz,
  note                     text,
  confirmed_by             uuid references users (id),
  version                  integer not null default 0,
  -- Paid by a gateway, its receipts not yet issued: the numbering batch issues them (application/payment/receipts.ts).
  receipts_due             boolean not null default false,
  -- The idempotency key: a gateway's word about (provider, reference) is applied once.
  unique (method, reference)
);
create index payment_attempts_dossier on payment_attempts (dossier_id);
create index payment_attempts_open on payment_attempts (created_at) where status = 'initiated';
create index payment_attempts_task on payment_attempts (unit_code) where task is not null;
create index payment_attempts_receipts_due on payment_attempts (unit_code) where receipts_due;
alter table dossier_fees add constraint dossier_fees_paid_by foreign key (paid_by) references payment_attempts (id);

create table payment_callbacks (
  id               bigint generated always as identity primary key,
  method           text not null,
  reference        text,
  attempt_id       uuid references payment_attempts (id),
  source           text not null check (source in ('callback', 'return', 'query')),
  received_at      timestamptz not null,
  raw              jsonb not null,
  signature_valid  boolean not null,
  verdict          text not null
);
create index payment_callbacks_attempt on payment_callbacks (attempt_id);

create table payment_receipts (
  id           uuid primary key default gen_random_uuid(),
  attempt_id   uuid not null references payment_attempts (id),
  dossier_id   uuid not null references dossiers (id),
  unit_code    text not null,
  kind         text not null check (kind in ('fee', 'charge')),
  template     text not null,
  series       text not null,
  -- Given right after the payment commits, in the unit's series order (application/payment/receipts.ts); null until then.
  number       integer,
  amount       bigint not null,
  lines        jsonb not null,
  payer_name   text not null,
  method       text not null,
  issued_at    timestamptz not null,
  unique (unit_code, series, number),
  unique (attempt_id, kind)
);
create index payment_receipts_dossier on payment_receipts (dossier_id);
create index payment_receipts_unnumbered on payment_receipts (unit_code, series) where number is null;

create table receipt_counters (
  unit_code    text not null,
  series       text not null,
  last_number  integer not null,
  primary key (unit_code, series)
);

-- The existing dossiers get their fee lines from the version they were received under (the catalogue's amounts;
-- the channel's lower online amount did not exist before), and from the amounts officials requested. Their fees
-- were settled outside motcua (it recorded no payment), except an amount a dossier still waits for (feeRequested).
insert into dossier_fees (dossier_id, line, kind, name, amount, moment, basis, source, created_at, settled_before)
select d.id, f.ordinality::integer,
       case when f.value ->> 'name' ~* '^\s*lệ phí' then 'charge' else 'fee' end,
       f.value ->> 'name', (f.value ->> 'amount')::bigint, f.value ->> 'collectedAt', coalesce(f.value ->> 'description', ''), 'catalogue', d.submitted_at,
       true
from dossiers d
join procedure_versions v on v.id = d.procedure_version_id
cross join lateral jsonb_array_elements(v.record -> 'fees') with ordinality as f (value, ordinality);

insert into dossier_fees (dossier_id, line, kind, name, amount, moment, basis, source, created_by, created_at, settled_before)
select a.dossier_id,
       1000 + row_number() over (partition by a.dossier_id order by a.seq),
       case when coalesce(a.payload ->> 'note', '') ~* '^\s*lệ phí' then 'charge' else 'fee' end,
       coalesce(nullif(a.payload ->> 'note', ''), 'Nghĩa vụ tài chính theo yêu cầu của cơ quan giải quyết'),
       (a.payload ->> 'amount')::bigint, 'supplement', coalesce(nullif(a.payload ->> 'note', ''), 'Theo yêu cầu của cơ quan giải quyết'), 'official',
       a.actor_id, a.at,
       -- Still owed only when it is the amount the dossier waits for now (its last request, status feeRequested).
       not (d.status = 'feeRequested' and a.seq = (select max(r.seq) from dossier_actions r where r.dossier_id = a.dossier_id and r.type = 'requestFee'))
from dossier_actions a
join dossiers d on d.id = a.dossier_id
where a.type = 'requestFee';

update dossiers d set fee_due = exists (select 1 from dossier_fees f where f.dossier_id = d.id and f.amount > 0 and f.replaced_by is null);
insert into stat_rebuild_requests (reason)
select 'fee lines from the catalogue' where exists (select 1 from stat_facts)
on conflict (reason) do nothing;
