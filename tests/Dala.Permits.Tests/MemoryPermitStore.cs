using Dala.Permits.Model;
using Dala.Permits.Store;

namespace Dala.Permits.Tests;

/// <summary>An in-memory store for the domain's tests (the real stores have their own contract tests).</summary>
internal sealed class MemoryPermitStore : IPermitStore
{
    private readonly SortedDictionary<string, PermitRequest> _requests = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, OfferedSite> _sites = new(StringComparer.Ordinal);

    public int Saves { get; private set; }

    public PermitSaveResult Save(IReadOnlyList<PermitRequest> requests)
    {
        Saves++;
        var changed = requests.Count(r => !r.Equals(_requests.GetValueOrDefault(r.RequestId)));
        foreach (var r in requests) _requests[r.RequestId] = r;
        return new PermitSaveResult(changed, requests.Count - changed);
    }

    public IReadOnlyList<PermitRequest> List(PermitFilter filter) => _requests.Values.Where(filter.Matches).ToArray();

    public PermitRequest? Get(string requestId) => _requests.GetValueOrDefault(requestId);

    public PermitSaveResult SaveSites(IReadOnlyList<OfferedSite> sites)
    {
        var changed = sites.Count(s => !s.Equals(_sites.GetValueOrDefault(s.SiteId)));
        foreach (var s in sites) _sites[s.SiteId] = s;
        return new PermitSaveResult(changed, sites.Count - changed);
    }

    public IReadOnlyList<OfferedSite> Sites(string? region = null) => _sites.Values.Where(s => region is null || s.Region == region).ToArray();
}
