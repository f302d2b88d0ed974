-- The standalone default's users, when none are configured: only a bcrypt hash of each password is kept.
create table tracker_user (
    username       varchar(100) primary key,
    password_hash  varchar(100) not null,
    roles          varchar(200) not null,
    created_at     timestamptz  not null
);
