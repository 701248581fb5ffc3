using Dala.Permits.Model;

namespace Dala.Permits.Store;

/// <summary>Which requests a list shows (null: any). Status: "open" or "on_air".</summary>
public sealed record PermitFilter(string? Region = null, string? Operator = null, string? Status = null)
{
    public static readonly PermitFilter All = new();

    public bool Matches(PermitRequest r) =>
        (Region is null || r.Region == Region) && (Operator is null || r.Operator == Operator) && (Status is null || r.Status == Status);
}

/// <summary>What a save did: requests new or changed, and unchanged.</summary>
public sealed record PermitSaveResult(int Stored, int Unchanged);

/// <summary>Where permit requests and offered sites are kept (declared here, implemented by every store).</summary>
public interface IPermitStore
{
    /// <summary>Inserts or replaces requests by id in one transaction; a request equal to the stored one is counted unchanged.</summary>
    PermitSaveResult Save(IReadOnlyList<PermitRequest> requests);

    /// <summary>The requests that match, by id.</summary>
    IReadOnlyList<PermitRequest> List(PermitFilter filter);

    PermitRequest? Get(string requestId);

    /// <summary>Inserts or replaces offered sites by id in one transaction.</summary>
    PermitSaveResult SaveSites(IReadOnlyList<OfferedSite> sites);

    /// <summary>The offered sites (of one region, or all), by id.</summary>
    IReadOnlyList<OfferedSite> Sites(string? region = null);
}
