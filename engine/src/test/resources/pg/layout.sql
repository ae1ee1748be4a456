-- A version-independent description of the pg backend's objects, one line per fact, sorted.
-- Run by engine/src/test/oracle/generate-pg-fixture.sh (psql, against Terraform's database) and by
-- PgLayoutMatchesTerraformTest (JDBC, against peerform's): the two outputs must be equal.
-- :'schema' is replaced by the schema name before it runs.
select line from (
  select 'schema ' || nspname as line
    from pg_namespace where nspname = :'schema'
  union all
  select format('sequence %s.%s type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s',
                schemaname, sequencename, data_type, start_value, increment_by, min_value, max_value,
                cache_size, cycle)
    from pg_sequences where schemaname = 'public' and sequencename = 'global_states_id_seq'
  union all
  select format('column %s.%s.%s #%s type=%s not_null=%s default=%s',
                c.table_schema, c.table_name, c.column_name, c.ordinal_position, c.data_type,
                c.is_nullable = 'NO', coalesce(c.column_default, '-'))
    from information_schema.columns c where c.table_schema = :'schema' and c.table_name = 'states'
  union all
  select format('constraint %s.%s %s', n.nspname, con.conname, pg_get_constraintdef(con.oid))
    from pg_constraint con join pg_class t on t.oid = con.conrelid join pg_namespace n on n.oid = t.relnamespace
   where n.nspname = :'schema' and t.relname = 'states'
  union all
  select format('index %s.%s %s', schemaname, indexname, replace(indexdef, ' ON ' || quote_ident(schemaname) || '.', ' ON '))
    from pg_indexes where schemaname = :'schema' and tablename = 'states'
) facts order by line;
