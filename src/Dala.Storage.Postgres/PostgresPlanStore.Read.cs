using System.Data;
using Dala.Rollout.Plans;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>Reading plans: headers for a list (newest first), or one plan whole from one consistent snapshot.</summary>
public sealed partial class PostgresPlanStore
{
    private const string HeaderColumns = "id, name, created_at, synthetic, inputs_json, summary::text";

    public IReadOnlyList<RolloutPlan> ListPlans()
    {
        using var c = registry.Open();
        return PostgresRegistryStore.Query(c, null, $"SELECT {HeaderColumns} FROM plans ORDER BY created_at DESC, id DESC", ReadHeader);
    }

    public RolloutPlan? GetPlan(long id)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(IsolationLevel.RepeatableRead);
        var headers = PostgresRegistryStore.Query(c, tx, $"SELECT {HeaderColumns}, sensitivity::text FROM plans WHERE id = $1",
            r => ReadHeader(r) with { Sensitivity = PlanJson.Sensitivity(r.GetString(6), r.GetInt64(0)) }, id);
        if (headers.Count == 0) return null;
        var plan = headers[0] with
        {
            Settlements = Rows(c, tx, "plan_settlements", SettlementStage, ReadSettlement, id),
            Fibre = Rows(c, tx, "plan_fibre", FibreStage, ReadFibre, id),
            Sites = Rows(c, tx, "plan_sites", SiteStage, ReadSite, id),
        };
        tx.Commit();
        return plan;
    }

    private static List<T> Rows<T>(NpgsqlConnection c, NpgsqlTransaction tx, string table, (string Name, NpgsqlTypes.NpgsqlDbType Type)[] stage,
        Func<NpgsqlDataReader, T> map, long id) =>
        PostgresRegistryStore.Query(c, tx, $"SELECT {Columns(stage)} FROM {table} WHERE plan_id = $1 ORDER BY ordinal", map, id);

    private static RolloutPlan ReadHeader(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetBoolean(3), r.GetString(4),
        PlanJson.Summary(r.GetString(5), r.GetInt64(0)), [], [], [], []);
}
