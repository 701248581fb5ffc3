using Dala.Quality.Claims;
using Dala.Registry.Store;
using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

public sealed partial class PostgresClaimStore
{
    private const string ChallengeColumns = "id, claim_id, state, filed_by, filed_at, note, n, k, ci_low, ci_high, status, predicted_down_mbps, " +
                                            "window_from, window_to, synthetic, answered_by, answered_at, answer, decided_by, decided_at, decision_note";

    public long AddChallenge(Challenge ch)
    {
        try
        {
            using var c = registry.Open();
            using var cmd = new NpgsqlCommand(
                "INSERT INTO challenges (claim_id, state, filed_by, filed_at, note, n, k, ci_low, ci_high, status, predicted_down_mbps, window_from, window_to, synthetic) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id", c);
            var e = ch.Evidence;
            cmd.Parameters.AddRange(new[]
            {
                P(ch.ClaimId), T(ch.State.WireName()), T(ch.FiledBy), P(ch.FiledAt.ToUniversalTime(), NpgsqlDbType.TimestampTz), T(ch.Note),
                P(e.N, NpgsqlDbType.Integer), P(e.K, NpgsqlDbType.Integer), P(e.CiLow, NpgsqlDbType.Double), P(e.CiHigh, NpgsqlDbType.Double),
                T(e.Status.WireName()), P(e.PredictedDownMbps, NpgsqlDbType.Double), P(e.From.ToUniversalTime(), NpgsqlDbType.TimestampTz),
                P(e.To.ToUniversalTime(), NpgsqlDbType.TimestampTz), P(ch.Synthetic, NpgsqlDbType.Boolean),
            });
            return (long)cmd.ExecuteScalar()!;
        }
        catch (PostgresException x)
        {
            throw new StoreException($"cannot store the challenge in {registry.Describe()}: {x.MessageText}", x);
        }
    }

    public Challenge? Challenge(long id) => Query($"SELECT {ChallengeColumns} FROM challenges WHERE id = $1", ReadChallenge, P(id)).FirstOrDefault();

    public IReadOnlyList<Challenge> Challenges() => Query($"SELECT {ChallengeColumns} FROM challenges ORDER BY id DESC", ReadChallenge);

    public bool UpdateChallenge(Challenge ch, ChallengeState from)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        var n = Exec(c, tx, "UPDATE challenges SET state = $1, answered_by = $2, answered_at = $3, answer = $4, decided_by = $5, decided_at = $6, decision_note = $7 " +
                            "WHERE id = $8 AND state = $9",
            T(ch.State.WireName()), T(ch.AnsweredBy), P(ch.AnsweredAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz), T(ch.Answer), T(ch.DecidedBy),
            P(ch.DecidedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz), T(ch.DecisionNote), P(ch.Id), T(from.WireName()));
        if (n == 0) return false;
        if (ch.State == ChallengeState.Upheld) Exec(c, tx, "UPDATE claims SET withdrawn_by = $1 WHERE id = $2", P(ch.Id), P(ch.ClaimId));
        tx.Commit();
        return true;
    }

    private static NpgsqlParameter T(string? s) => P(s, NpgsqlDbType.Text);

    private static Challenge ReadChallenge(NpgsqlDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateTimeOffset? Ts(int i) => r.IsDBNull(i) ? null : Time(r, i);
        var evidence = new ChallengeEvidence(r.GetInt32(6), r.GetInt32(7), r.GetDouble(8), r.GetDouble(9),
            ClaimStatuses.Parse(r.GetString(10)) ?? ClaimStatus.Unproven, r.IsDBNull(11) ? null : r.GetDouble(11), Time(r, 12), Time(r, 13));
        return new Challenge(r.GetInt64(0), r.GetInt64(1), ChallengeStates.Parse(r.GetString(2)) ?? ChallengeState.Filed, r.GetString(3),
            Time(r, 4), S(5), evidence, r.GetBoolean(14), S(15), Ts(16), S(17), S(18), Ts(19), S(20));
    }

    private static DateTimeOffset Time(NpgsqlDataReader r, int i) => new(r.GetFieldValue<DateTime>(i), TimeSpan.Zero);
}
