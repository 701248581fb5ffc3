using Dala.Quality.Obligations;

namespace Dala.Quality.Verdicts;

/// <summary>The unit a verdict judges: operator (empty = every operator), region, settlement (empty when not a key or unknown) and source.</summary>
public readonly record struct VerdictUnit(string Operator, string Region, string Settlement, string Source);

/// <summary>One verdict: an obligation (at its version), a unit, and what the counted tests say.</summary>
public sealed record VerdictRow(Obligation Obligation, VerdictUnit Unit, Judgement Judgement);
