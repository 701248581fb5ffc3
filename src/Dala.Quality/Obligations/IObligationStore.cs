namespace Dala.Quality.Obligations;

/// <summary>One stored version of an obligation: who saved it and when.</summary>
public sealed record ObligationVersion(Obligation Obligation, string Actor, DateTimeOffset CreatedAt);

/// <summary>
/// Where obligations are kept (declared here, implemented by every store). Every edit is a new version; nothing is
/// overwritten. The current obligation of an id is its newest version.
/// </summary>
public interface IObligationStore
{
    /// <summary>The newest version of every obligation, by id.</summary>
    IReadOnlyList<Obligation> Current();

    /// <summary>Every version of one obligation, oldest first; empty when the id is unknown.</summary>
    IReadOnlyList<ObligationVersion> History(string id);

    /// <summary>
    /// Saves, in one transaction, a new version of each obligation whose content differs from its current version (new ids
    /// start at 1); unchanged ones are left. Returns the versions written.
    /// </summary>
    IReadOnlyList<Obligation> Save(IReadOnlyCollection<Obligation> obligations, string actor, DateTimeOffset at);
}

public static class ObligationStoreExtensions
{
    /// <summary>The current obligations; when the store has none, the default set is stored first.</summary>
    public static IReadOnlyList<Obligation> CurrentOrDefaults(this IObligationStore store, Geo.IClock clock)
    {
        var now = store.Current();
        if (now.Count > 0) return now;
        store.Save(DefaultObligations.All, DefaultObligations.Actor, clock.Now);
        return store.Current();
    }
}
