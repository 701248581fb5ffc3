namespace Dala.Radio.Itm.Reference;

/// <summary>A profile file: no header, one profile per line in ITM's pfl layout (intervals, step, elevation 0 .. elevation n).</summary>
internal static class ProfileFile
{
    public static IReadOnlyList<(int Line, TerrainProfile Profile)> Read(TextReader reader, string file)
    {
        var records = CaseTable.Records(reader, file);
        if (records.Count == 0) throw new ItmCsvFormatException(file, 1, "the file is empty; expected one profile per line: intervals, step, elevations...");
        var profiles = new (int, TerrainProfile)[records.Count];
        for (var r = 0; r < records.Count; r++)
        {
            var record = records[r];
            var pfl = new double[record.Fields.Count];
            for (var i = 0; i < pfl.Length; i++)
            {
                pfl[i] = CaseTable.ParseNumber(record.Fields[i])
                    ?? throw new ItmCsvFormatException(file, record.Line, $"value {i + 1} ('{record.Fields[i]}') is not a number");
            }
            try
            {
                profiles[r] = (record.Line, TerrainProfile.FromPfl(pfl));
            }
            catch (ArgumentException e)
            {
                throw new ItmCsvFormatException(file, record.Line, StripParamName(e));
            }
        }
        return profiles;
    }

    /// <summary>ArgumentException appends " (Parameter 'x')" to its message; the file reader's user never named a parameter.</summary>
    private static string StripParamName(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
