-- Decision ids are handed out fifty at a time, so a batch's decision rows are inserted together
-- (an identity column makes Hibernate insert each row on its own). Other writers' defaults still work.
alter sequence decision_id_seq increment by 50;
