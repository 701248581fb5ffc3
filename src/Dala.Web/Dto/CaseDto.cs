using Dala.Quality.Cases;

namespace Dala.Web.Dto;

/// <summary>A quality case: the violation, where it stands, the dated steps, the fine (imposed, or worked out now), the next steps.</summary>
public sealed record CaseDto(
    long Id,
    string State,
    string? Outcome,
    bool Synthetic,
    ViolationDto Violation,
    DateOnly OpenedOn,
    CaseStepDto[] Steps,
    FineDto? Fine,
    string? FineNote,
    string[] Next);

public sealed record ViolationDto(string Obligation, int? Version, string Operator, string Region, string? Settlement, DateOnly? From, DateOnly? To,
    long N, long K, double? Estimate, double? CiLow, double? CiHigh, bool Synthetic);

public sealed record CaseStepDto(string State, DateOnly Date, string Actor, string? Note, string? Outcome);

/// <summary>A fine: tier x MRP in force on the decision's date (mrpYear is that date's year) = tenge; imposed false while only worked out.</summary>
public sealed record FineDto(string Tier, int Mrp, int MrpYear, int MrpTenge, long Tenge, DateOnly DecidedOn, bool Imposed);

/// <summary>The opened cases (null where a violation already had an open case) and the cases as they now stand.</summary>
public sealed record CasesOpenedDto(long?[] Ids, CaseDto[] Cases);

/// <summary>The fine schedule and the MRP table.</summary>
public sealed record FinesDto(int FirstMrp, int RepeatMrp, int RepeatWithinMonths, string Source, bool Assumption, string Rule, MrpValueDto[] Mrp);

public sealed record MrpValueDto(DateOnly From, int Tenge, string Source);

public static class CaseDtoMapping
{
    public static CaseDto ToDto(this QualityCase c, CaseDesk desk)
    {
        var fine = desk.WorkFine(c, out var why);
        var v = c.Violation;
        return new CaseDto(c.Id, c.State.Wire(), c.Outcome?.Wire(), v.Synthetic,
            new ViolationDto(v.ObligationId, v.ObligationVersion, v.Operator, v.Region, v.Settlement, v.From, v.To, v.N, v.K, v.Estimate, v.CiLow, v.CiHigh, v.Synthetic),
            c.OpenedOn, [.. c.Steps.Select(s => new CaseStepDto(s.State.Wire(), s.Date, s.Actor, s.Note, s.Outcome?.Wire()))],
            fine is null ? null : new FineDto(fine.Tier, fine.Mrp, fine.MrpYear, fine.MrpTenge, fine.Tenge, fine.DecidedOn, c.Fine is not null),
            why, [.. CaseStateMachine.Next(c.State, c.Outcome).Select(s => s.Wire())]);
    }

    public static FinesDto ToDto(this FineSchedule s) => new(s.FirstMrp, s.RepeatMrp, s.RepeatWithinMonths, s.Source, s.Assumption,
        "fine = tier MRP x the MRP in force on the decision's date (its year is the decision's year); repeat when another violation of the same operator " +
        $"was upheld within {s.RepeatWithinMonths} months before the decision",
        [.. s.Mrp.Values.Select(m => new MrpValueDto(m.From, m.Tenge, m.Source))]);
}
