using Dala.Quality.Claims;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

/// <summary>
/// Coverage claims and their challenges in the same PostgreSQL database as the registry. Claims are added in one
/// transaction (upsert on settlement, operator, technology, as_of); a challenge moves state only from the state it was
/// read in, and an upheld one withdraws its claim in the same transaction.
/// </summary>
public sealed partial class PostgresClaimStore(PostgresRegistryStore registry) : IClaimStore
{
    private const string ClaimColumns = "id, settlement_id, operator_id, technology, claimed_down_mbps, as_of, source_file, synthetic, withdrawn_by";

    public (int Stored, int Unchanged) AddClaims(IReadOnlyList<CoverageClaim> claims)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction();
            using var cmd = new NpgsqlCommand(
                "INSERT INTO claims (settlement_id, operator_id, technology, claimed_down_mbps, as_of, source_file, synthetic) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (settlement_id, operator_id, technology, as_of) DO UPDATE SET " +
                "claimed_down_mbps = excluded.claimed_down_mbps, source_file = excluded.source_file, synthetic = excluded.synthetic " +
                "WHERE claims.claimed_down_mbps IS DISTINCT FROM excluded.claimed_down_mbps OR claims.source_file IS DISTINCT FROM excluded.source_file " +
                "OR claims.synthetic IS DISTINCT FROM excluded.synthetic", c, tx);
            NpgsqlDbType[] types = [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Boolean];
            var p = types.Select(t => cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = t })).ToArray();
            cmd.Prepare();
            var stored = 0;
            foreach (var claim in claims)
            {
                object[] values = [claim.SettlementId, claim.OperatorId, claim.Technology.WireName(), claim.ClaimedDownMbps, claim.AsOf, claim.SourceFile, claim.Synthetic];
                for (var i = 0; i < values.Length; i++) p[i].Value = values[i];
                stored += cmd.ExecuteNonQuery();
            }
            tx.Commit();
            return (stored, claims.Count - stored);
        }
        catch (PostgresException e)
        {
            throw new StoreException($"cannot store claims in {registry.Describe()}: {e.MessageText}", e);
        }
    }

    public IReadOnlyList<CoverageClaim> Claims() => Query($"SELECT {ClaimColumns} FROM claims ORDER BY id", ReadClaim);

    public CoverageClaim? Claim(long id) => Query($"SELECT {ClaimColumns} FROM claims WHERE id = $1", ReadClaim, P(id)).FirstOrDefault();

    public int DeleteSynthetic()
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        PgStage.Exec(c, tx, "DELETE FROM challenges WHERE synthetic");
        var n = PgStage.Exec(c, tx, "DELETE FROM claims WHERE synthetic");
        tx.Commit();
        return n;
    }

    private static CoverageClaim ReadClaim(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), Technologies.Parse(r.GetString(3)) ?? Technology.None, r.GetDouble(4),
        r.GetFieldValue<DateOnly>(5), r.GetString(6), r.GetBoolean(7), r.IsDBNull(8) ? null : r.GetInt64(8));

    private static NpgsqlParameter P(object? value, NpgsqlDbType type = NpgsqlDbType.Bigint) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> map, params NpgsqlParameter[] args)
    {
        using var c = registry.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddRange(args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static int Exec(NpgsqlConnection c, NpgsqlTransaction tx, string sql, params NpgsqlParameter[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        cmd.Parameters.AddRange(args);
        return cmd.ExecuteNonQuery();
    }
}
