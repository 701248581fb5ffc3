using System.Globalization;
using Dala.Quality.Claims;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>
/// Coverage claims and their challenges in the same SQLite file as the registry. Claims are added in one transaction
/// (upsert on settlement, operator, technology, as_of); a challenge moves state only from the state it was read in,
/// and an upheld one withdraws its claim in the same transaction.
/// </summary>
public sealed partial class SqliteClaimStore(SqliteRegistryStore registry) : IClaimStore
{
    private const string ClaimColumns = "id, settlement_id, operator_id, technology, claimed_down_mbps, as_of, source_file, synthetic, withdrawn_by";

    public (int Stored, int Unchanged) AddClaims(IReadOnlyList<CoverageClaim> claims)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction(deferred: false);
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO claims (settlement_id, operator_id, technology, claimed_down_mbps, as_of, source_file, synthetic) " +
                              "VALUES ($s, $o, $t, $d, $a, $f, $y) ON CONFLICT (settlement_id, operator_id, technology, as_of) DO UPDATE SET " +
                              "claimed_down_mbps = excluded.claimed_down_mbps, source_file = excluded.source_file, synthetic = excluded.synthetic " +
                              "WHERE claimed_down_mbps IS NOT excluded.claimed_down_mbps OR source_file IS NOT excluded.source_file OR synthetic IS NOT excluded.synthetic";
            var p = new[] { "$s", "$o", "$t", "$d", "$a", "$f", "$y" }.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            cmd.Prepare();
            var stored = 0;
            foreach (var claim in claims)
            {
                object[] values = [claim.SettlementId, claim.OperatorId, claim.Technology.WireName(), claim.ClaimedDownMbps, Date(claim.AsOf), claim.SourceFile, claim.Synthetic ? 1 : 0];
                for (var i = 0; i < values.Length; i++) p[i].Value = values[i];
                stored += cmd.ExecuteNonQuery();
            }
            tx.Commit();
            return (stored, claims.Count - stored);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot store claims in {registry.Describe()}: {e.Message}", e);
        }
    }

    public IReadOnlyList<CoverageClaim> Claims() => Query($"SELECT {ClaimColumns} FROM claims ORDER BY id", ReadClaim);

    public CoverageClaim? Claim(long id) => Query($"SELECT {ClaimColumns} FROM claims WHERE id = $1", ReadClaim, id).FirstOrDefault();

    public int DeleteSynthetic()
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: false);
        Exec(c, tx, "DELETE FROM challenges WHERE synthetic = 1");
        var n = Exec(c, tx, "DELETE FROM claims WHERE synthetic = 1");
        tx.Commit();
        return n;
    }

    private static CoverageClaim ReadClaim(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), Technologies.Parse(r.GetString(3)) ?? Technology.None, r.GetDouble(4),
        DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(6), r.GetInt64(7) != 0,
        r.IsDBNull(8) ? null : r.GetInt64(8));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ReadTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params object[] args)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i]);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static int Exec(SqliteConnection c, SqliteTransaction tx, string sql, params object?[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
        return cmd.ExecuteNonQuery();
    }
}
