-- The audit trail's hash was declared unique, which gave every audit record (one per state change) a random
-- insertion into a btree of 64-character keys: at ten million records an index of about a gigabyte, touched at a
-- random page by every action, and read by no query. A record's place is already unique by its chain position
-- (audit_log_chain_position_idx), and verification recomputes every hash from its predecessor, so the uniqueness
-- of the hash guarded nothing (two equal sha256 values are not a case to defend against). Issue 17: the action
-- path's writes.
alter table audit_log drop constraint if exists audit_log_hash_key;
