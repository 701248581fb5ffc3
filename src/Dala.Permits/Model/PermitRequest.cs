namespace Dala.Permits.Model;

/// <summary>
/// A request to put one mast on air: who asked (operator), where (region, an ISO 3166-2:KZ code; optional point), when
/// (opened), an optional link to a planned or candidate site, and the date each stage was passed (null: not yet).
/// </summary>
public sealed record PermitRequest(string RequestId, string Operator, string Region, DateOnly Opened, double? Lon = null, double? Lat = null,
    string? SiteId = null, DateOnly? LandAllotted = null, DateOnly? PowerConnected = null, DateOnly? DesignApproved = null,
    DateOnly? PermitIssued = null, DateOnly? Built = null, DateOnly? OnAir = null)
{
    /// <summary>The date of a stage (by key), or null when it has not been passed.</summary>
    public DateOnly? DateOf(string stage) => stage switch
    {
        PermitStages.LandAllotted => LandAllotted,
        PermitStages.PowerConnected => PowerConnected,
        PermitStages.DesignApproved => DesignApproved,
        PermitStages.PermitIssued => PermitIssued,
        PermitStages.Built => Built,
        PermitStages.OnAir => OnAir,
        _ => throw new ArgumentException($"'{stage}' is not a stage", nameof(stage)),
    };

    /// <summary>This request with one stage's date set (or cleared with null).</summary>
    public PermitRequest WithStage(string stage, DateOnly? date) => stage switch
    {
        PermitStages.LandAllotted => this with { LandAllotted = date },
        PermitStages.PowerConnected => this with { PowerConnected = date },
        PermitStages.DesignApproved => this with { DesignApproved = date },
        PermitStages.PermitIssued => this with { PermitIssued = date },
        PermitStages.Built => this with { Built = date },
        PermitStages.OnAir => this with { OnAir = date },
        _ => throw new ArgumentException($"'{stage}' is not a stage", nameof(stage)),
    };

    /// <summary>This request as it stood on a day: stages passed after it are not yet passed.</summary>
    public PermitRequest AsOf(DateOnly day) => PermitStages.Keys.Aggregate(this, (r, k) => r.DateOf(k) > day ? r.WithStage(k, null) : r);

    /// <summary>On air (by its own dates, whenever that was).</summary>
    public bool IsOnAir => OnAir is not null;

    /// <summary>The first stage not yet passed after the last one passed (null when on air): what the request waits for.</summary>
    public string? Waiting
    {
        get
        {
            var last = PermitStages.Keys.Select((k, i) => (k, i)).LastOrDefault(x => DateOf(x.k) is not null);
            var next = last.k is null ? 0 : last.i + 1;
            return next < PermitStages.Keys.Count ? PermitStages.Keys[next] : null;
        }
    }

    /// <summary>The date the request has been waiting since: its last passed stage's date, else the day it was opened.</summary>
    public DateOnly WaitingSince => PermitStages.Keys.Select(DateOf).LastOrDefault(d => d is not null) ?? Opened;

    /// <summary>"open" or "on_air".</summary>
    public string Status => IsOnAir ? "on_air" : "open";
}
