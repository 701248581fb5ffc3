using System.Globalization;
using Dala.Registry.Store;
using Dala.Rollout.Plans;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>
/// Rollout plans in the same SQLite file as the registry. A plan is saved whole in one transaction (prepared
/// statements, one row per settlement, fibre segment and site) and deleted whole; a failure leaves nothing.
/// </summary>
public sealed partial class SqlitePlanStore(SqliteRegistryStore registry) : IPlanStore
{
    public long SavePlan(RolloutPlan plan)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction(deferred: false);
            var s = plan.Summary;
            var id = Scalar(c, tx,
                "INSERT INTO plans (name, created_at, synthetic, inputs_json, mode, total_npv_tenge, lower_bound_tenge, targets_met, settlements, summary, sensitivity) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11); SELECT last_insert_rowid()",
                plan.Name, Time(plan.CreatedAt), plan.Synthetic ? 1 : 0, plan.InputsJson, s.Mode, N(s.TotalNpvTenge), N(s.LowerBoundTenge),
                s.TargetsMet ? 1 : 0, s.Settlements, PlanJson.Write(s), PlanJson.Write(plan.Sensitivity));
            SqliteBatch.Run(c, tx, plan.Settlements.Select((x, i) => (x, i)), SettlementInsert, x => SettlementRow(id, x.i, x.x));
            SqliteBatch.Run(c, tx, plan.Fibre.Select((x, i) => (x, i)), FibreInsert, x => FibreRow(id, x.i, x.x));
            SqliteBatch.Run(c, tx, plan.Sites.Select((x, i) => (x, i)), SiteInsert, x => SiteRow(id, x.i, x.x));
            tx.Commit();
            return id;
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot save the plan \"{plan.Name}\" in {registry.Describe()}: {e.Message}", e);
        }
    }

    public bool DeletePlan(long id)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: false);
        foreach (var table in new[] { "plan_settlements", "plan_fibre", "plan_sites" })
            Scalar(c, tx, $"DELETE FROM {table} WHERE plan_id = $1", id);
        var deleted = Scalar(c, tx, "DELETE FROM plans WHERE id = $1; SELECT changes()", id);
        tx.Commit();
        return deleted > 0;
    }

    /// <summary>UTC in round-trip form: fixed width, so the text sorts as the instants do.</summary>
    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static long Scalar(SqliteConnection c, SqliteTransaction tx, string sql, params object?[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
        return cmd.ExecuteScalar() is long n ? n : 0;
    }
}
