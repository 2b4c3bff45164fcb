-- A campaign is named by the comment that founded it. The campaign table held nothing else anyone
-- read, and nearly every comment founds a campaign of its own, so it cost each comment a row, an
-- index entry and a foreign-key check. Existing campaign ids stay as they are.
alter table campaign_member drop constraint campaign_member_campaign_id_fkey;
drop table campaign;
