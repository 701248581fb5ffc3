-- How Dala's schema distributes on Citus (run once on the coordinator, after `dala migrate`).
-- Not a migration: a single-node PostgreSQL needs none of this. Checked by a test: every unique key of a
-- distributed table contains its distribution column, and the schema has no foreign keys Citus would reject.
CREATE EXTENSION IF NOT EXISTS citus;

-- Small tables every node needs whole.
SELECT create_reference_table('meta');
SELECT create_reference_table('schema_migrations');
SELECT create_reference_table('regions');
SELECT create_reference_table('operators');
SELECT create_reference_table('kato');
SELECT create_reference_table('outline');
SELECT create_reference_table('sources');
SELECT create_reference_table('sites');
SELECT create_reference_table('sectors');
SELECT create_reference_table('coverage_runs');
SELECT create_reference_table('coverage_roads');
SELECT create_reference_table('coverage_rasters');
SELECT create_reference_table('quarantine');
SELECT create_reference_table('plans');
SELECT create_reference_table('obligations');
SELECT create_reference_table('claims');
SELECT create_reference_table('challenges');

-- Large tables, sharded by settlement and co-located, so that a settlement's history joins on one node.
SELECT create_distributed_table('settlements', 'id');
SELECT create_distributed_table('connectivity', 'settlement_id', colocate_with => 'settlements');
SELECT create_distributed_table('coverage_settlements', 'settlement_id', colocate_with => 'settlements');
SELECT create_distributed_table('plan_settlements', 'settlement_id', colocate_with => 'settlements');

-- Measurements: millions of rows, sharded by id for an even spread; aggregates run on every shard.
SELECT create_distributed_table('measurements', 'id');

-- A rollout plan's fibre and sites (thousands of rows per plan, read whole): sharded by plan, so that one plan's
-- geometry sits on one node and saving many plans does not copy every row to every node.
SELECT create_distributed_table('plan_fibre', 'plan_id');
SELECT create_distributed_table('plan_sites', 'plan_id', colocate_with => 'plan_fibre');

-- Quality inspectorate cases and their steps: few rows (one case per violation), read whole per case.
SELECT create_reference_table('cases');
SELECT create_reference_table('case_steps');

-- Platform: users, API keys and the audit log (small; the audit log grows by one row per write).
SELECT create_reference_table('users');
SELECT create_reference_table('api_keys');
SELECT create_reference_table('audit_log');

-- Background jobs: a small queue every instance claims from.
SELECT create_reference_table('jobs');
SELECT create_reference_table('job_outputs');

-- National programme indicators and their reported values (tens of series, a few hundred values).
SELECT create_reference_table('indicators');
SELECT create_reference_table('indicator_values');

-- Mass events: a few rows a year.
SELECT create_reference_table('events');

-- Permits: mast permit requests and the sites regions offer (thousands of rows, read whole).
SELECT create_reference_table('permit_requests');
SELECT create_reference_table('permit_sites_offered');

-- Radio calibrations: a few per year, each read whole.
SELECT create_reference_table('calibrations');
