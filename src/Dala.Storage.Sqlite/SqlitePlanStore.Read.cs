using System.Globalization;
using Dala.Rollout.Plans;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Reading plans: headers for a list (newest first), or one plan whole from one read transaction.</summary>
public sealed partial class SqlitePlanStore
{
    private const string HeaderColumns = "id, name, created_at, synthetic, inputs_json, summary";

    public IReadOnlyList<RolloutPlan> ListPlans()
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: true);
        return Query(c, tx, $"SELECT {HeaderColumns} FROM plans ORDER BY created_at DESC, id DESC", ReadHeader);
    }

    public RolloutPlan? GetPlan(long id)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: true);
        var headers = Query(c, tx, $"SELECT {HeaderColumns}, sensitivity FROM plans WHERE id = $1",
            r => ReadHeader(r) with { Sensitivity = PlanJson.Sensitivity(r.GetString(6), r.GetInt64(0)) }, id);
        if (headers.Count == 0) return null;
        return headers[0] with
        {
            Settlements = Query(c, tx, $"SELECT {SettlementColumns} FROM plan_settlements WHERE plan_id = $1 ORDER BY ordinal", ReadSettlement, id),
            Fibre = Query(c, tx, $"SELECT {FibreColumns} FROM plan_fibre WHERE plan_id = $1 ORDER BY ordinal", ReadFibre, id),
            Sites = Query(c, tx, $"SELECT {SiteColumns} FROM plan_sites WHERE plan_id = $1 ORDER BY ordinal", ReadSite, id),
        };
    }

    private static RolloutPlan ReadHeader(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        r.GetInt64(3) != 0, r.GetString(4), PlanJson.Summary(r.GetString(5), r.GetInt64(0)), [], [], [], []);

    private static List<T> Query<T>(SqliteConnection c, SqliteTransaction tx, string sql, Func<SqliteDataReader, T> map, params object[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i]);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }
}
