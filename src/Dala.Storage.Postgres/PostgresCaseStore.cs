using System.Data;
using Dala.Quality.Cases;
using Dala.Registry.Store;
using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

/// <summary>
/// Quality cases in the same PostgreSQL database as the registry. Opening many cases is one transaction (a second open
/// case for the same violation is skipped by the partial unique index, ON CONFLICT DO NOTHING); a step is appended only
/// when the case still has the steps it was read with (the UPDATE's row lock orders two writers); a failure leaves nothing.
/// </summary>
public sealed class PostgresCaseStore(PostgresRegistryStore registry) : ICaseStore
{
    private const string Columns = "id, obligation_id, obligation_version, operator, region, settlement, period_from, period_to, n, k, estimate, ci_low, ci_high, " +
                                   "synthetic, state, fine_tier, fine_mrp, fine_mrp_year, fine_mrp_tenge, fine_tenge, fine_decided_on";

    public IReadOnlyList<long?> Open(IReadOnlyList<Violation> violations, CaseStep opened)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction();
            var ids = new List<long?>();
            foreach (var v in violations)
            {
                using var cmd = Command(c, tx,
                    "INSERT INTO cases (violation_key, obligation_id, obligation_version, operator, region, settlement, period_from, period_to, n, k, estimate, ci_low, ci_high, synthetic, state, steps) " +
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1) ON CONFLICT (violation_key) WHERE state <> 'closed' DO NOTHING RETURNING id",
                    (v.Key, NpgsqlDbType.Text), (v.ObligationId, NpgsqlDbType.Text), (v.ObligationVersion, NpgsqlDbType.Integer), (v.Operator, NpgsqlDbType.Text),
                    (v.Region, NpgsqlDbType.Text), (v.Settlement, NpgsqlDbType.Text), (v.From, NpgsqlDbType.Date), (v.To, NpgsqlDbType.Date),
                    (v.N, NpgsqlDbType.Bigint), (v.K, NpgsqlDbType.Bigint), (v.Estimate, NpgsqlDbType.Double), (v.CiLow, NpgsqlDbType.Double),
                    (v.CiHigh, NpgsqlDbType.Double), (v.Synthetic, NpgsqlDbType.Boolean), (opened.State.Wire(), NpgsqlDbType.Text));
                var id = cmd.ExecuteScalar() as long?;
                if (id is { } newId) InsertStep(c, tx, newId, 0, opened);
                ids.Add(id);
            }
            tx.Commit();
            return ids;
        }
        catch (PostgresException e)
        {
            throw new StoreException($"cannot open cases in {registry.Describe()}: {e.MessageText}", e);
        }
    }

    public bool Append(long id, int stepsBefore, CaseStep step, Fine? fine)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction();
            int changed;
            using (var cmd = Command(c, tx,
                       "UPDATE cases SET state = $1, steps = steps + 1, fine_tier = COALESCE($2, fine_tier), fine_mrp = COALESCE($3, fine_mrp), " +
                       "fine_mrp_year = COALESCE($4, fine_mrp_year), fine_mrp_tenge = COALESCE($5, fine_mrp_tenge), fine_tenge = COALESCE($6, fine_tenge), " +
                       "fine_decided_on = COALESCE($7, fine_decided_on) WHERE id = $8 AND steps = $9",
                       (step.State.Wire(), NpgsqlDbType.Text), (fine?.Tier, NpgsqlDbType.Text), (fine?.Mrp, NpgsqlDbType.Integer), (fine?.MrpYear, NpgsqlDbType.Integer),
                       (fine?.MrpTenge, NpgsqlDbType.Integer), (fine?.Tenge, NpgsqlDbType.Bigint), (fine?.DecidedOn, NpgsqlDbType.Date), (id, NpgsqlDbType.Bigint),
                       (stepsBefore, NpgsqlDbType.Integer)))
                changed = cmd.ExecuteNonQuery();
            if (changed != 1) return false;
            InsertStep(c, tx, id, stepsBefore, step);
            tx.Commit();
            return true;
        }
        catch (PostgresException e)
        {
            throw new StoreException($"cannot record a step of case {id} in {registry.Describe()}: {e.MessageText}", e);
        }
    }

    public IReadOnlyList<QualityCase> List(CaseFilter filter)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(IsolationLevel.RepeatableRead);
        var list = Read(c, tx, "($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR operator = $2)",
            (filter.State?.Wire(), NpgsqlDbType.Text), (filter.Operator, NpgsqlDbType.Text));
        tx.Commit();
        return list;
    }

    public QualityCase? Get(long id)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(IsolationLevel.RepeatableRead);
        var one = Read(c, tx, "id = $1", (id, NpgsqlDbType.Bigint)).FirstOrDefault();
        tx.Commit();
        return one;
    }

    private static List<QualityCase> Read(NpgsqlConnection c, NpgsqlTransaction tx, string where, params (object? Value, NpgsqlDbType Type)[] args)
    {
        var steps = new Dictionary<long, List<CaseStep>>();
        foreach (var (caseId, step) in Query(c, tx, $"SELECT case_id, state, on_date, actor, note, outcome FROM case_steps WHERE case_id IN (SELECT id FROM cases WHERE {where}) ORDER BY case_id, ordinal",
                     r => (r.GetInt64(0), new CaseStep(CaseNames.State(r.GetString(1))!.Value, r.GetFieldValue<DateOnly>(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                         CaseNames.Outcome(r.IsDBNull(5) ? null : r.GetString(5)))), args))
        {
            if (!steps.TryGetValue(caseId, out var list)) steps[caseId] = list = [];
            list.Add(step);
        }
        return Query(c, tx, $"SELECT {Columns} FROM cases WHERE {where} ORDER BY id DESC", r =>
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
            DateOnly? Day(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
            var v = new Violation(r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), r.GetString(4), S(5), Day(6), Day(7),
                r.GetInt64(8), r.GetInt64(9), D(10), D(11), D(12), r.GetBoolean(13));
            var fine = r.IsDBNull(15) ? null : new Fine(r.GetString(15), r.GetInt32(16), r.GetInt32(17), r.GetInt32(18), r.GetInt64(19), Day(20)!.Value);
            var id = r.GetInt64(0);
            return new QualityCase(id, v, CaseNames.State(r.GetString(14))!.Value, steps.TryGetValue(id, out var s) ? s : [], fine);
        }, args);
    }

    private static void InsertStep(NpgsqlConnection c, NpgsqlTransaction tx, long id, int ordinal, CaseStep s)
    {
        using var cmd = Command(c, tx, "INSERT INTO case_steps (case_id, ordinal, state, on_date, actor, note, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            (id, NpgsqlDbType.Bigint), (ordinal, NpgsqlDbType.Integer), (s.State.Wire(), NpgsqlDbType.Text), (s.Date, NpgsqlDbType.Date),
            (s.Actor, NpgsqlDbType.Text), (s.Note, NpgsqlDbType.Text), (s.Outcome?.Wire(), NpgsqlDbType.Text));
        cmd.ExecuteNonQuery();
    }

    private static List<T> Query<T>(NpgsqlConnection c, NpgsqlTransaction tx, string sql, Func<NpgsqlDataReader, T> map, (object? Value, NpgsqlDbType Type)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction tx, string sql, params (object? Value, NpgsqlDbType Type)[] args)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (value, type) in args) cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });
        return cmd;
    }
}
