-- Indicator 3.6 (and the export's DuocThanhToanTrucTuyen) count a fee as paid online only when a payment
-- gateway confirmed it (src/domain/dossier/online-payment.ts). The projection used to take the applicant's
-- own "Xác nhận đã nộp phí" click for it; motcua records no gateway confirmation yet, so no dossier is paid
-- online, and the statistics are rebuilt once.
update dossiers set fee_paid_online = false where fee_paid_online;
insert into stat_rebuild_requests (reason)
select 'no self-declared online payment' where exists (select 1 from stat_facts)
on conflict (reason) do nothing;
