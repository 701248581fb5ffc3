namespace Dala.Radio.Itm.Reference;

/// <summary>One row of a case file: where it came from, the model input, and the published loss if the file has one.</summary>
public interface IItmReferenceCase
{
    /// <summary>1-based position among the file's cases.</summary>
    int Number { get; }

    string File { get; }

    int Line { get; }

    /// <summary>The A__db column, when the file has it.</summary>
    double? ExpectedLossDb { get; }

    /// <summary>Runs ITM on the case; throws <see cref="ItmInputException"/> when its inputs are outside ITM's validity.</summary>
    ItmResult Evaluate();
}

/// <summary>A point-to-point case (a p2p.csv row with its pfls.csv profile).</summary>
public sealed record ItmP2PReferenceCase(int Number, string File, int Line, ItmPointToPointInput Input, double? ExpectedLossDb) : IItmReferenceCase
{
    public ItmResult Evaluate() => IrregularTerrainModel.PointToPoint(Input);
}

/// <summary>An area-mode case (an area.csv row).</summary>
public sealed record ItmAreaReferenceCase(int Number, string File, int Line, ItmAreaInput Input, double? ExpectedLossDb) : IItmReferenceCase
{
    public ItmResult Evaluate() => IrregularTerrainModel.Area(Input);
}

/// <summary>A case evaluated: the result, or the validity error that stopped it.</summary>
public sealed record ItmCaseOutcome(IItmReferenceCase Case, ItmResult? Result, ItmInputException? Error)
{
    /// <summary>Computed minus published loss, dB, when both exist.</summary>
    public double? DifferenceDb => Result is { } r && Case.ExpectedLossDb is { } expected ? r.BasicTransmissionLossDb - expected : null;

    public static ItmCaseOutcome Of(IItmReferenceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        try
        {
            return new ItmCaseOutcome(c, c.Evaluate(), null);
        }
        catch (ItmInputException e)
        {
            return new ItmCaseOutcome(c, null, e);
        }
    }
}
