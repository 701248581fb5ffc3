using System.Globalization;
using Dala.Quality.Cases;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>
/// Quality cases in the same SQLite file as the registry. Opening many cases is one transaction (BEGIN IMMEDIATE);
/// a step is appended only when the case still has the steps it was read with; a failure leaves nothing.
/// </summary>
public sealed class SqliteCaseStore(SqliteRegistryStore registry) : ICaseStore
{
    private const string Columns = "id, obligation_id, obligation_version, operator, region, settlement, period_from, period_to, n, k, estimate, ci_low, ci_high, " +
                                   "synthetic, state, fine_tier, fine_mrp, fine_mrp_year, fine_mrp_tenge, fine_tenge, fine_decided_on";

    public IReadOnlyList<long?> Open(IReadOnlyList<Violation> violations, CaseStep opened)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction(deferred: false);
            var ids = new List<long?>();
            foreach (var v in violations)
            {
                var id = Scalar(c, tx,
                    "INSERT INTO cases (violation_key, obligation_id, obligation_version, operator, region, settlement, period_from, period_to, n, k, estimate, ci_low, ci_high, synthetic, state, steps) " +
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1) ON CONFLICT (violation_key) WHERE state <> 'closed' DO NOTHING RETURNING id",
                    v.Key, v.ObligationId, v.ObligationVersion, v.Operator, v.Region, v.Settlement, Day(v.From), Day(v.To), v.N, v.K, v.Estimate, v.CiLow, v.CiHigh,
                    v.Synthetic ? 1 : 0, opened.State.Wire());
                if (id is long newId) InsertStep(c, tx, newId, 0, opened);
                ids.Add(id as long?);
            }
            tx.Commit();
            return ids;
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot open cases in {registry.Describe()}: {e.Message}", e);
        }
    }

    public bool Append(long id, int stepsBefore, CaseStep step, Fine? fine)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction(deferred: false);
            var changed = Scalar(c, tx,
                "UPDATE cases SET state = $1, steps = steps + 1, fine_tier = COALESCE($2, fine_tier), fine_mrp = COALESCE($3, fine_mrp), " +
                "fine_mrp_year = COALESCE($4, fine_mrp_year), fine_mrp_tenge = COALESCE($5, fine_mrp_tenge), fine_tenge = COALESCE($6, fine_tenge), " +
                "fine_decided_on = COALESCE($7, fine_decided_on) WHERE id = $8 AND steps = $9; SELECT changes()",
                step.State.Wire(), fine?.Tier, fine?.Mrp, fine?.MrpYear, fine?.MrpTenge, fine?.Tenge, Day(fine?.DecidedOn), id, stepsBefore);
            if (changed is not 1L) return false;
            InsertStep(c, tx, id, stepsBefore, step);
            tx.Commit();
            return true;
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot record a step of case {id} in {registry.Describe()}: {e.Message}", e);
        }
    }

    public IReadOnlyList<QualityCase> List(CaseFilter filter)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: true);
        const string where = "($1 IS NULL OR state = $1) AND ($2 IS NULL OR operator = $2)";
        return Read(c, tx, where, filter.State?.Wire(), filter.Operator);
    }

    public QualityCase? Get(long id)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: true);
        return Read(c, tx, "id = $1", id).FirstOrDefault();
    }

    private static List<QualityCase> Read(SqliteConnection c, SqliteTransaction tx, string where, params object?[] args)
    {
        var steps = new Dictionary<long, List<CaseStep>>();
        foreach (var (caseId, step) in Query(c, tx, $"SELECT case_id, state, on_date, actor, note, outcome FROM case_steps WHERE case_id IN (SELECT id FROM cases WHERE {where}) ORDER BY case_id, ordinal",
                     r => (r.GetInt64(0), new CaseStep(CaseNames.State(r.GetString(1))!.Value, Day(r.GetString(2)), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                         CaseNames.Outcome(r.IsDBNull(5) ? null : r.GetString(5)))), args))
        {
            if (!steps.TryGetValue(caseId, out var list)) steps[caseId] = list = [];
            list.Add(step);
        }
        return Query(c, tx, $"SELECT {Columns} FROM cases WHERE {where} ORDER BY id DESC", r =>
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
            var v = new Violation(r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), r.GetString(4), S(5),
                S(6) is { } f ? Day(f) : null, S(7) is { } t ? Day(t) : null, r.GetInt64(8), r.GetInt64(9), D(10), D(11), D(12), r.GetInt64(13) != 0);
            var fine = r.IsDBNull(15) ? null : new Fine(r.GetString(15), r.GetInt32(16), r.GetInt32(17), r.GetInt32(18), r.GetInt64(19), Day(r.GetString(20)));
            var id = r.GetInt64(0);
            return new QualityCase(id, v, CaseNames.State(r.GetString(14))!.Value, steps.TryGetValue(id, out var s) ? s : [], fine);
        }, args);
    }

    private static void InsertStep(SqliteConnection c, SqliteTransaction tx, long id, int ordinal, CaseStep s) =>
        Scalar(c, tx, "INSERT INTO case_steps (case_id, ordinal, state, on_date, actor, note, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            id, ordinal, s.State.Wire(), Day(s.Date), s.Actor, s.Note, s.Outcome?.Wire());

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object? Scalar(SqliteConnection c, SqliteTransaction tx, string sql, params object?[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        return cmd.ExecuteScalar();
    }

    private static List<T> Query<T>(SqliteConnection c, SqliteTransaction tx, string sql, Func<SqliteDataReader, T> map, object?[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, object?[] args)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
        return cmd;
    }
}
