namespace Dala.Quality.Cases;

/// <summary>
/// The fine tiers in MRP: a first violation, and a repeat (the same operator had another violation upheld by a decision
/// dated within <see cref="RepeatWithinMonths"/> before this decision). The fine = the tier's MRP x the MRP in force
/// on the decision's date (<see cref="MrpTable"/>).
/// </summary>
public sealed record FineSchedule(int FirstMrp, int RepeatMrp, int RepeatWithinMonths, string Source, bool Assumption, MrpTable Mrp)
{
    /// <summary>
    /// ASSUMPTION, not verified against the Code: the tiers of the Code of Administrative Offences of the Republic of
    /// Kazakhstan for an operator's breach of the communications law (Article 637 and its repeat part) depend on the
    /// article, its part and the operator's size. These figures are placeholders to be replaced by the inspectorate's
    /// lawyer with the article's own figures (dala quality cases fines --fines FILE.json).
    /// </summary>
    public static readonly FineSchedule Default = new(100, 200, 12,
        "ASSUMPTION: placeholder tiers, to be replaced with the figures of the applicable article of the Code of Administrative " +
        "Offences of the Republic of Kazakhstan (e.g. Article 637, communications; a repeat within a year as its repeat part)",
        true, MrpTable.Default);

    /// <summary>
    /// The fine for a decision upheld on <paramref name="decidedOn"/>; repeat when an earlier upheld decision of the same
    /// operator lies in (decidedOn - RepeatWithinMonths, decidedOn]. Null (with why) when the MRP table has no value for that date.
    /// </summary>
    public Fine? Work(DateOnly decidedOn, IEnumerable<DateOnly> earlierUpheld, out string? why)
    {
        var repeat = earlierUpheld.Any(d => d <= decidedOn && d > decidedOn.AddMonths(-RepeatWithinMonths));
        why = null;
        if (Mrp.On(decidedOn) is not { } mrp)
        {
            why = $"the MRP table has no value for {decidedOn:yyyy-MM-dd} (years: {Mrp.Years}); add one with --fines";
            return null;
        }
        var tier = repeat ? RepeatMrp : FirstMrp;
        return new Fine(repeat ? Fine.Repeat : Fine.First, tier, decidedOn.Year, mrp.Tenge, (long)tier * mrp.Tenge, decidedOn);
    }
}
