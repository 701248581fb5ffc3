using Dala.Registry.Store;
using Dala.Rollout.Plans;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>
/// Rollout plans in the same PostgreSQL database as the registry. A plan is saved whole in one transaction
/// (binary COPY of its settlement lines, fibre and sites through a staging table) and deleted whole; a failure
/// leaves nothing.
/// </summary>
public sealed partial class PostgresPlanStore(PostgresRegistryStore registry) : IPlanStore
{
    public long SavePlan(RolloutPlan plan)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction();
            var s = plan.Summary;
            long id;
            using (var cmd = new NpgsqlCommand(
                "INSERT INTO plans (name, created_at, synthetic, inputs_json, mode, total_npv_tenge, lower_bound_tenge, targets_met, settlements, summary, sensitivity) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::json, $11::json) RETURNING id", c, tx))
            {
                foreach (var v in new object[] { plan.Name, plan.CreatedAt.ToUniversalTime(), plan.Synthetic, plan.InputsJson, s.Mode, s.TotalNpvTenge,
                             s.LowerBoundTenge, s.TargetsMet, s.Settlements, PlanJson.Write(s), PlanJson.Write(plan.Sensitivity) })
                    cmd.Parameters.AddWithValue(v);
                id = (long)cmd.ExecuteScalar()!;
            }
            PgStage.Run(c, tx, plan.Settlements.Select((x, i) => (x, i)), SettlementStage, x => SettlementRow(id, x.i, x.x), Move("plan_settlements", SettlementStage));
            PgStage.Run(c, tx, plan.Fibre.Select((x, i) => (x, i)), FibreStage, x => FibreRow(id, x.i, x.x), Move("plan_fibre", FibreStage));
            PgStage.Run(c, tx, plan.Sites.Select((x, i) => (x, i)), SiteStage, x => SiteRow(id, x.i, x.x), Move("plan_sites", SiteStage));
            tx.Commit();
            return id;
        }
        catch (PostgresException e)
        {
            throw new StoreException($"cannot save the plan \"{plan.Name}\" in {registry.Describe()}: {e.MessageText}", e);
        }
    }

    public bool DeletePlan(long id)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        foreach (var table in new[] { "plan_settlements", "plan_fibre", "plan_sites" })
            PgStage.Exec(c, tx, $"DELETE FROM {table} WHERE plan_id = $1", id);
        var deleted = PgStage.Exec(c, tx, "DELETE FROM plans WHERE id = $1", id);
        tx.Commit();
        return deleted > 0;
    }

    private static string Move(string table, (string Name, NpgsqlTypes.NpgsqlDbType Type)[] columns)
    {
        var names = string.Join(", ", columns.Select(x => x.Name));
        return $"INSERT INTO {table} ({names}) SELECT {names} FROM _stage";
    }
}
