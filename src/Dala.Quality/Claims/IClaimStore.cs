namespace Dala.Quality.Claims;

/// <summary>Where coverage claims and their challenges are kept (declared here, implemented by every store).</summary>
public interface IClaimStore
{
    /// <summary>
    /// Stores the claims in one transaction: a claim whose key (settlement, operator, technology, as_of) is already stored
    /// is updated when its speed, source or synthetic flag differ and left alone otherwise. Returns (stored, unchanged).
    /// </summary>
    (int Stored, int Unchanged) AddClaims(IReadOnlyList<CoverageClaim> claims);

    /// <summary>Every claim, by id.</summary>
    IReadOnlyList<CoverageClaim> Claims();

    CoverageClaim? Claim(long id);

    /// <summary>Stores a new challenge (state filed); returns its id.</summary>
    long AddChallenge(Challenge challenge);

    Challenge? Challenge(long id);

    /// <summary>Every challenge, newest first.</summary>
    IReadOnlyList<Challenge> Challenges();

    /// <summary>
    /// Writes the challenge's new state if it is still in <paramref name="from"/> (false when another writer moved it
    /// first); an upheld challenge withdraws its claim in the same transaction.
    /// </summary>
    bool UpdateChallenge(Challenge challenge, ChallengeState from);

    /// <summary>Removes every SYNTHETIC claim and challenge (the demo's); returns how many claims.</summary>
    int DeleteSynthetic();
}
