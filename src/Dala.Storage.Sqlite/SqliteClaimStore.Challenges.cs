using System.Globalization;
using Dala.Quality.Claims;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteClaimStore
{
    private const string ChallengeColumns = "id, claim_id, state, filed_by, filed_at, note, n, k, ci_low, ci_high, status, predicted_down_mbps, " +
                                            "window_from, window_to, synthetic, answered_by, answered_at, answer, decided_by, decided_at, decision_note";

    public long AddChallenge(Challenge ch)
    {
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction(deferred: false);
            var e = ch.Evidence;
            Exec(c, tx, "INSERT INTO challenges (claim_id, state, filed_by, filed_at, note, n, k, ci_low, ci_high, status, predicted_down_mbps, window_from, window_to, synthetic) " +
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                ch.ClaimId, ch.State.WireName(), ch.FiledBy, Time(ch.FiledAt), ch.Note, e.N, e.K, e.CiLow, e.CiHigh, e.Status.WireName(),
                e.PredictedDownMbps, Time(e.From), Time(e.To), ch.Synthetic ? 1 : 0);
            using var id = c.CreateCommand();
            id.Transaction = tx;
            id.CommandText = "SELECT last_insert_rowid()";
            var result = (long)id.ExecuteScalar()!;
            tx.Commit();
            return result;
        }
        catch (SqliteException x)
        {
            throw new StoreException($"cannot store the challenge in {registry.Describe()}: {x.Message}", x);
        }
    }

    public Challenge? Challenge(long id) => Query($"SELECT {ChallengeColumns} FROM challenges WHERE id = $1", ReadChallenge, id).FirstOrDefault();

    public IReadOnlyList<Challenge> Challenges() => Query($"SELECT {ChallengeColumns} FROM challenges ORDER BY id DESC", ReadChallenge);

    public bool UpdateChallenge(Challenge ch, ChallengeState from)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: false);
        var n = Exec(c, tx, "UPDATE challenges SET state = $1, answered_by = $2, answered_at = $3, answer = $4, decided_by = $5, decided_at = $6, decision_note = $7 " +
                            "WHERE id = $8 AND state = $9",
            ch.State.WireName(), ch.AnsweredBy, ch.AnsweredAt is { } a ? Time(a) : null, ch.Answer, ch.DecidedBy, ch.DecidedAt is { } d ? Time(d) : null,
            ch.DecisionNote, ch.Id, from.WireName());
        if (n == 0) return false;
        if (ch.State == ChallengeState.Upheld) Exec(c, tx, "UPDATE claims SET withdrawn_by = $1 WHERE id = $2", ch.Id, ch.ClaimId);
        tx.Commit();
        return true;
    }

    private static Challenge ReadChallenge(SqliteDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateTimeOffset? T(int i) => r.IsDBNull(i) ? null : ReadTime(r.GetString(i));
        var evidence = new ChallengeEvidence(r.GetInt32(6), r.GetInt32(7), r.GetDouble(8), r.GetDouble(9),
            ClaimStatuses.Parse(r.GetString(10)) ?? ClaimStatus.Unproven, r.IsDBNull(11) ? null : r.GetDouble(11), ReadTime(r.GetString(12)), ReadTime(r.GetString(13)));
        return new Challenge(r.GetInt64(0), r.GetInt64(1), ChallengeStates.Parse(r.GetString(2)) ?? ChallengeState.Filed, r.GetString(3),
            ReadTime(r.GetString(4)), S(5), evidence, r.GetInt64(14) != 0, S(15), T(16), S(17), S(18), T(19), S(20));
    }
}
