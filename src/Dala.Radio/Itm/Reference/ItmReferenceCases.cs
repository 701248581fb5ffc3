namespace Dala.Radio.Itm.Reference;

/// <summary>
/// Reads NTIA's ITM test layouts: point-to-point cases (p2p.csv) with one terrain profile per case, in the same
/// order (pfls.csv: intervals, step, elevations...), and area cases (area.csv). Malformed input throws
/// <see cref="ItmCsvFormatException"/> naming file:line; values outside ITM's validity surface on evaluation.
/// </summary>
public static class ItmReferenceCases
{
    public static readonly IReadOnlyList<string> P2PColumns =
        ["h_tx__meter", "h_rx__meter", "epsilon", "sigma", "N_0", "f__mhz", "pol", "climate", "time", "location", "situation", "mdvar"];

    public static readonly IReadOnlyList<string> AreaColumns =
    [
        "h_tx__meter", "h_rx__meter", "delta_h__meter", "mdvar", "d__km", "tx_siting_criteria", "rx_siting_criteria",
        "epsilon", "sigma", "N_0", "f__mhz", "pol", "climate", "time", "location", "situation",
    ];

    public static IReadOnlyList<ItmP2PReferenceCase> ReadP2P(string casesPath, string profilesPath)
    {
        using var cases = new StreamReader(casesPath);
        using var profiles = new StreamReader(profilesPath);
        return ReadP2P(cases, casesPath, profiles, profilesPath);
    }

    public static IReadOnlyList<ItmP2PReferenceCase> ReadP2P(TextReader cases, string casesName, TextReader profiles, string profilesName)
    {
        var rows = CaseTable.Read(cases, casesName, P2PColumns).Rows;
        var pfls = ProfileFile.Read(profiles, profilesName);
        if (pfls.Count < rows.Count)
            throw new ItmCsvFormatException(casesName, rows[pfls.Count].Line, $"case {pfls.Count + 1} has no profile: {profilesName} has only {pfls.Count}");
        if (pfls.Count > rows.Count)
            throw new ItmCsvFormatException(profilesName, pfls[rows.Count].Line, $"profile {rows.Count + 1} has no case: {casesName} has only {rows.Count}");

        var result = new ItmP2PReferenceCase[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var input = new ItmPointToPointInput(pfls[i].Profile, row.Number("h_tx__meter"), row.Number("h_rx__meter"), row.Number("f__mhz"),
                Environment(row), Variability(row));
            result[i] = new ItmP2PReferenceCase(i + 1, casesName, row.Line, input, row.OptionalNumber(CaseTable.ExpectedColumn));
        }
        return result;
    }

    public static IReadOnlyList<ItmAreaReferenceCase> ReadArea(string casesPath)
    {
        using var cases = new StreamReader(casesPath);
        return ReadArea(cases, casesPath);
    }

    public static IReadOnlyList<ItmAreaReferenceCase> ReadArea(TextReader cases, string casesName)
    {
        var rows = CaseTable.Read(cases, casesName, AreaColumns).Rows;
        var result = new ItmAreaReferenceCase[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var input = new ItmAreaInput(row.Number("d__km"), row.Number("delta_h__meter"), row.Number("h_tx__meter"), row.Number("h_rx__meter"),
                Siting(row, "tx_siting_criteria"), Siting(row, "rx_siting_criteria"), row.Number("f__mhz"), Environment(row), Variability(row));
            result[i] = new ItmAreaReferenceCase(i + 1, casesName, row.Line, input, row.OptionalNumber(CaseTable.ExpectedColumn));
        }
        return result;
    }

    private static ItmEnvironment Environment(CaseRow row) => new(
        (RadioClimate)row.Code("climate", c => Enum.IsDefined((RadioClimate)c), "a radio climate 1..7"),
        row.Number("N_0"),
        new GroundConstants(row.Number("epsilon"), row.Number("sigma")),
        (Polarization)row.Code("pol", p => Enum.IsDefined((Polarization)p), "a polarization (0 horizontal, 1 vertical)"));

    private static ItmVariability Variability(CaseRow row) => ItmVariability.FromMdvar(
        row.Code("mdvar", ItmVariability.IsValidMdvar, "a mode of variability (0..3, plus 10 and/or 20)"),
        row.Number("time"), row.Number("location"), row.Number("situation"));

    private static SitingCriteria Siting(CaseRow row, string column) =>
        (SitingCriteria)row.Code(column, s => Enum.IsDefined((SitingCriteria)s), "a siting criteria (0 random, 1 careful, 2 very careful)");
}
