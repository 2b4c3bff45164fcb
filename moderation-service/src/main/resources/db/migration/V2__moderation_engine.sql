-- What the moderation engine needs beyond comments: explainable decisions, posts for relevance,
-- moderators' term lists, campaigns of near-duplicate comments, versioned models and training labels.

alter table comment add column author_key varchar(200);
-- Ingest's abuse signals, kept so that an edit is judged with them too.
alter table comment add column signals jsonb;
create index comment_author_key_idx on comment (author_key) where author_key is not null;

-- Every automatic decision keeps what it was based on, so it can be explained and audited later.
alter table decision
    add column scores        jsonb,
    add column reasons       jsonb,
    add column rules         jsonb,
    add column model_version integer;

-- The newest state of each post, from the compacted posts topic.
create table post (
    id            varchar(200)  primary key,
    title         text,
    url           varchar(2048),
    text          text,
    comments_open boolean       not null,
    updated_at    timestamptz   not null
);

-- Blocked terms decide on their own (spam); suspect terms add evidence. Moderators edit these lists.
create table moderation_term (
    id         bigserial    primary key,
    term       varchar(200) not null,
    kind       varchar(16)  not null check (kind in ('blocked', 'suspect')),
    created_at timestamptz  not null default now(),
    constraint moderation_term_uk unique (term, kind)
);

-- Defaults, the same lists as moderation-engine's blocked-terms.txt and suspect-terms.txt (a test checks).
insert into moderation_term (term, kind) values
    ('wholesale jerseys', 'blocked'),
    ('cheap jerseys', 'blocked'),
    ('cheap nfl jerseys', 'blocked'),
    ('payday loan', 'blocked'),
    ('payday loans', 'blocked'),
    ('buy viagra', 'blocked'),
    ('cheap viagra', 'blocked'),
    ('buy cialis', 'blocked'),
    ('online casino', 'blocked'),
    ('replica watches', 'blocked'),
    ('replica handbags', 'blocked'),
    ('buy followers', 'blocked'),
    ('buy backlinks', 'blocked'),
    ('essay writing service', 'blocked'),
    ('hot singles', 'blocked'),
    ('sexy singles', 'blocked'),
    ('check out my', 'suspect'),
    ('check out our', 'suspect'),
    ('my channel', 'suspect'),
    ('my website', 'suspect'),
    ('my blog', 'suspect'),
    ('my site', 'suspect'),
    ('visit my', 'suspect'),
    ('visit our', 'suspect'),
    ('subscribe', 'suspect'),
    ('please subscribe', 'suspect'),
    ('click here', 'suspect'),
    ('click the link', 'suspect'),
    ('free money', 'suspect'),
    ('make money', 'suspect'),
    ('earn money', 'suspect'),
    ('work from home', 'suspect'),
    ('per hour', 'suspect'),
    ('per week', 'suspect'),
    ('promo code', 'suspect'),
    ('discount code', 'suspect'),
    ('limited offer', 'suspect'),
    ('best price', 'suspect'),
    ('best prices', 'suspect'),
    ('cheap', 'suspect'),
    ('wholesale', 'suspect'),
    ('loan', 'suspect'),
    ('loans', 'suspect'),
    ('casino', 'suspect'),
    ('dating', 'suspect'),
    ('escort', 'suspect'),
    ('bitcoin', 'suspect'),
    ('crypto', 'suspect'),
    ('forex', 'suspect'),
    ('investment opportunity', 'suspect'),
    ('guaranteed', 'suspect'),
    ('seo', 'suspect'),
    ('backlinks', 'suspect'),
    ('followers', 'suspect'),
    ('giveaway', 'suspect'),
    ('100% free', 'suspect'),
    ('whatsapp', 'suspect'),
    ('telegram', 'suspect');

-- Near-duplicate comments (SimHash within 3 bits) grouped under one id that every instance shares.
create table campaign (
    id         uuid        primary key,
    first_seen timestamptz not null
);

create table campaign_member (
    comment_id  uuid         primary key,
    campaign_id uuid         not null references campaign (id),
    post_id     varchar(200) not null,
    fingerprint bigint       not null,
    band0       integer      not null,
    band1       integer      not null,
    band2       integer      not null,
    band3       integer      not null
);
create index campaign_member_band0_idx on campaign_member (band0);
create index campaign_member_band1_idx on campaign_member (band1);
create index campaign_member_band2_idx on campaign_member (band2);
create index campaign_member_band3_idx on campaign_member (band3);
create index campaign_member_campaign_idx on campaign_member (campaign_id);

-- Classifier models: every instance scores with the newest active version; a bad one is rolled back.
create table classifier_model (
    version    serial      primary key,
    created_at timestamptz not null,
    trained_on integer     not null,
    status     varchar(16) not null check (status in ('active', 'rolled_back')),
    model      bytea       not null
);

-- Moderators' decisions as training labels, with the text as it was when they judged it.
create table training_label (
    id          bigserial     primary key,
    comment_id  uuid          not null references comment (id),
    label       varchar(16)   not null check (label in ('HAM', 'SPAM', 'OFFENSIVE')),
    body        text          not null,
    author_name varchar(100),
    author_url  varchar(2048),
    labeled_by  varchar(100)  not null,
    labeled_at  timestamptz   not null
);
