
CREATE SEQUENCE public.global_states_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE terraform_remote_state.states (
    id bigint DEFAULT nextval('public.global_states_id_seq'::regclass) NOT NULL,
    name text,
    data text
);

ALTER TABLE ONLY terraform_remote_state.states
    ADD CONSTRAINT states_name_key UNIQUE (name);

ALTER TABLE ONLY terraform_remote_state.states
    ADD CONSTRAINT states_pkey PRIMARY KEY (id);

CREATE UNIQUE INDEX states_by_name ON terraform_remote_state.states USING btree (name);

