-- The audit trail becomes 128 hash chains instead of one. With one chain every state change of the whole
-- system queued on the single head row until its transaction committed; now a record joins the chain its
-- target (or, without a target, its request) hashes to, so writers of unrelated records no longer wait for
-- each other, while every record is still linked to the previous one of its chain.
--
-- chain_seq is a record's position in its chain, contiguous from 1, and is what the hash covers (as "seq").
-- Records written before this migration are chain 1 with chain_seq null, meaning "the same as seq": their
-- hashes are untouched (this migration rewrites no audit record). seq stays the global, unique order of
-- the trail, now drawn from a sequence.

alter table audit_head drop constraint audit_head_id_check;
alter table audit_head add constraint audit_head_id_check check (id between 1 and 128);
insert into audit_head (id, seq, hash) select g, 0, repeat('0', 64) from generate_series(2, 128) as g;

alter table audit_log add column chain smallint not null default 1 check (chain between 1 and 128);
alter table audit_log add column chain_seq bigint check (chain_seq >= 1);

create sequence audit_log_seq;
select setval('audit_log_seq', (select coalesce(max(seq), 0) + 1 from audit_log), false);
alter table audit_log alter column seq set default nextval('audit_log_seq');
alter sequence audit_log_seq owned by audit_log.seq;

create unique index audit_log_chain_position_idx on audit_log (chain, (coalesce(chain_seq, seq)));
