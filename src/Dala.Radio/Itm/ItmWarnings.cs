namespace Dala.Radio.Itm;

/// <summary>Soft validity warnings: the loss was computed, but an input is near or past what ITM was fitted on (bits as NTIA's ITM).</summary>
[Flags]
public enum ItmWarnings
{
    None = 0,
    TxTerminalHeight = 0x0001,
    RxTerminalHeight = 0x0002,
    Frequency = 0x0004,
    PathDistanceTooBig1 = 0x0008,
    PathDistanceTooBig2 = 0x0010,
    PathDistanceTooSmall1 = 0x0020,
    PathDistanceTooSmall2 = 0x0040,
    TxHorizonAngle = 0x0080,
    RxHorizonAngle = 0x0100,
    TxHorizonDistance1 = 0x0200,
    RxHorizonDistance1 = 0x0400,
    TxHorizonDistance2 = 0x0800,
    RxHorizonDistance2 = 0x1000,
    ExtremeVariabilities = 0x2000,
    SurfaceRefractivity = 0x4000,
}

public static class ItmWarningsText
{
    /// <summary>One sentence per warning set, in bit order.</summary>
    public static IReadOnlyList<string> Describe(this ItmWarnings warnings)
    {
        var lines = new List<string>();
        foreach (var flag in Enum.GetValues<ItmWarnings>())
        {
            if (flag != ItmWarnings.None && warnings.HasFlag(flag)) lines.Add(Sentence(flag));
        }
        return lines;
    }

    private static string Sentence(ItmWarnings flag) => flag switch
    {
        ItmWarnings.TxTerminalHeight => "transmitter height is outside 1..1000 m",
        ItmWarnings.RxTerminalHeight => "receiver height is outside 1..1000 m",
        ItmWarnings.Frequency => "frequency is outside 40..10,000 MHz",
        ItmWarnings.PathDistanceTooBig1 => "path is longer than 1000 km",
        ItmWarnings.PathDistanceTooBig2 => "path is longer than 2000 km: take care with the result",
        ItmWarnings.PathDistanceTooSmall1 => "path is shorter than the terminals' height difference / 0.2",
        ItmWarnings.PathDistanceTooSmall2 => "path is shorter than 1 km: take care with the result",
        ItmWarnings.TxHorizonAngle => "transmitter horizon angle exceeds 200 mrad: small-angle approximations may break down",
        ItmWarnings.RxHorizonAngle => "receiver horizon angle exceeds 200 mrad: small-angle approximations may break down",
        ItmWarnings.TxHorizonDistance1 => "transmitter horizon is nearer than 1/10 of the smooth-earth horizon",
        ItmWarnings.RxHorizonDistance1 => "receiver horizon is nearer than 1/10 of the smooth-earth horizon",
        ItmWarnings.TxHorizonDistance2 => "transmitter horizon is farther than 3 times the smooth-earth horizon",
        ItmWarnings.RxHorizonDistance2 => "receiver horizon is farther than 3 times the smooth-earth horizon",
        ItmWarnings.ExtremeVariabilities => "a time, location or situation quantile is far in the tail of its distribution",
        ItmWarnings.SurfaceRefractivity => "surface refractivity at the path's elevation is below 250 N-units",
        _ => flag.ToString(),
    };
}
