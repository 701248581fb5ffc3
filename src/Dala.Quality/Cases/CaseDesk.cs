using Dala.Geo;

namespace Dala.Quality.Cases;

/// <summary>What one asks of a step: the state to move to, who takes it, when (default: today by the clock), a note, and a decision's outcome.</summary>
public sealed record StepRequest(CaseState To, string Actor, DateOnly? Date = null, string? Note = null, DecisionOutcome? Outcome = null);

/// <summary>
/// The inspectorate's case desk: opens cases for violations and takes steps through the state machine, working out the
/// fine (from the schedule and the MRP of the decision's date) when a case is fined. Dates come from the clock unless given;
/// an actor is required. Every refusal is a <see cref="CaseException"/> naming the field; nothing is written then.
/// </summary>
public sealed class CaseDesk(ICaseStore store, FineSchedule fines, IClock clock)
{
    public const int MaxText = 500;

    public ICaseStore Store { get; } = store;

    public FineSchedule Fines { get; } = fines;

    public DateOnly Today => DateOnly.FromDateTime(clock.Now.UtcDateTime);

    /// <summary>Opens a case per violation (skipping those with an open case already); returns the ids (null: skipped).</summary>
    public IReadOnlyList<long?> Open(IReadOnlyList<Violation> violations, string actor, DateOnly? date = null, string? note = null)
    {
        foreach (var v in violations)
            if (v.Problems() is [var (field, reason), ..]) throw new CaseException(CaseRefusal.Invalid, field, reason);
        var step = new CaseStep(CaseState.Opened, Date(date), Actor(actor), Note(note));
        return Store.Open(violations, step);
    }

    public QualityCase Get(long id) => Store.Get(id) ?? throw new CaseException(CaseRefusal.NotFound, "id", $"no case {id}");

    /// <summary>Takes one step; returns the case as it now stands.</summary>
    public QualityCase Step(long id, StepRequest request)
    {
        var c = Get(id);
        if (CaseStateMachine.Refusal(c, request.To, request.Outcome) is { } refused)
            throw new CaseException(refused.Field == "to" ? CaseRefusal.Conflict : CaseRefusal.Invalid, refused.Field, refused.Reason);
        var date = Date(request.Date);
        if (date < c.Steps[^1].Date)
            throw new CaseException(CaseRefusal.Invalid, "date", $"{date:yyyy-MM-dd} is before the last step ({c.Steps[^1].State.Wire()} on {c.Steps[^1].Date:yyyy-MM-dd})");
        var step = new CaseStep(request.To, date, Actor(request.Actor), Note(request.Note), request.Outcome);
        Fine? fine = null;
        if (request.To == CaseState.Fined)
        {
            fine = WorkFine(c, out var why);
            if (fine is null) throw new CaseException(CaseRefusal.Invalid, "fine", why!);
        }
        if (!Store.Append(id, c.Steps.Count, step, fine))
            throw new CaseException(CaseRefusal.Conflict, "to", $"case {id} changed while this step was being taken; read it again");
        return Get(id);
    }

    /// <summary>
    /// The fine this case's decision carries (upheld only): the tier from the operator's other upheld decisions within the
    /// repeat period before it, times the MRP in force on the decision's date. Null with why when there is none (yet).
    /// </summary>
    public Fine? WorkFine(QualityCase c, out string? why)
    {
        if (c.Fine is { } kept) { why = null; return kept; }
        if (c.Outcome != DecisionOutcome.Upheld || c.DecidedOn is not { } decided)
        {
            why = c.Outcome == DecisionOutcome.Dismissed ? "dismissed: no fine" : "no decision yet";
            return null;
        }
        var earlier = Store.List(new CaseFilter(Operator: c.Violation.Operator))
            .Where(o => o.Id != c.Id && o.Outcome == DecisionOutcome.Upheld && o.DecidedOn is { } d && (d < decided || (d == decided && o.Id < c.Id)))
            .Select(o => o.DecidedOn!.Value);
        return Fines.Work(decided, earlier, out why);
    }

    private DateOnly Date(DateOnly? given)
    {
        var d = given ?? Today;
        if (d > Today) throw new CaseException(CaseRefusal.Invalid, "date", $"{d:yyyy-MM-dd} is in the future (today is {Today:yyyy-MM-dd})");
        return d;
    }

    private static string Actor(string? actor)
    {
        if (string.IsNullOrWhiteSpace(actor)) throw new CaseException(CaseRefusal.Invalid, "actor", "required: who takes the step");
        if (actor.Trim().Length > 200) throw new CaseException(CaseRefusal.Invalid, "actor", "longer than 200 characters");
        return actor.Trim();
    }

    private static string? Note(string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return null;
        if (note.Length > MaxText) throw new CaseException(CaseRefusal.Invalid, "note", $"longer than {MaxText} characters");
        return note.Trim();
    }
}
