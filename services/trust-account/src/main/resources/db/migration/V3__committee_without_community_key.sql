-- A committee's state and its community's state come on different keys of community.state, so in
-- no fixed order: a committee may arrive before its community. Its copy must not wait for it (a
-- retried record holds up the whole partition); nothing is readable before the community is anyway.
ALTER TABLE committee_member DROP CONSTRAINT committee_member_community_id_fkey;
