using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dala.Geo;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Import;
using Dala.Registry.Store;

namespace Dala.Quality.Intake;

/// <summary>
/// Takes measurements in (NDJSON, CSV, M-Lab NDT rows, Ookla tiles, and tests from our own ndt7 server): every
/// line is stored or quarantined with its reasons, in one transaction per call, in batches; a file streams from the
/// reader to the store (reading on one thread, writing on another) with memory that does not grow with the file.
/// </summary>
public sealed partial class MeasurementIntake(IRegistryStore registry, IMeasurementStore store, IClock clock, OperatorPrefixes operators)
{
    public IntakeResult ImportFile(string path, IProgress<ImportProgress>? progress = null, bool synthetic = false)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) return Failed(name, "file: not found");
        if (name.Length > Fields.MaxDatasetLength)
            return Failed(RawLine.Clip(name, 60), $"file: its name has {name.Length} characters, more than {Fields.MaxDatasetLength} (the name is the dataset of every measurement)");
        var ndjson = Path.GetExtension(path).ToLowerInvariant() is ".ndjson" or ".jsonl" or ".json";
        if (!ndjson && AggregateFile(path, name) is { } aggregate) return Failed(name, aggregate);
        var ctx = Context(MeasurementSource.Import, name, synthetic) with { PeriodStart = PeriodFromName(name) };
        var total = new FileInfo(path).Length;
        using var collection = BatchCollection.Enter();
        using var stream = File.OpenRead(path);
        using var reader = new StreamReader(stream, LineSources.Utf8, true);
        try
        {
            // About 120 bytes a line: the hint lets the store treat a large file as a bulk load.
            return Run(name, ndjson ? LineSources.Ndjson(reader) : LineSources.Csv(reader), ctx,
                n => progress?.Report(new ImportProgress("reading", stream.Position, total)), FileLineResults, total / 120, background: true);
        }
        catch (Geo.Io.CsvFormatException e) { return Failed(name, $"line {e.Line}: {e.Message}"); }
        catch (FormatException e) { return Failed(name, e.Message); }
    }

    /// <summary>An NDJSON batch posted to the API.</summary>
    public IntakeResult AcceptNdjson(string body, string origin, MeasurementSource defaultSource) =>
        Run(origin, LineSources.Ndjson(new StringReader(body)), Context(defaultSource, origin, false), null, int.MaxValue, 0, background: false);

    /// <summary>
    /// One measurement made here (a test on our ndt7 server), as field name to value (the NDJSON names: time,
    /// downMbps, bytes, durationS, clientIp, settlementId, ...): it goes through the same checks and rules as any line.
    /// </summary>
    public IntakeResult AcceptFields(IReadOnlyDictionary<string, string> fields, string origin, MeasurementSource source)
    {
        var content = System.Text.Json.JsonSerializer.Serialize(fields);
        return Run(origin, [new InputLine(RawLine.FromFields(1, content, fields), 1, content, null)], Context(source, origin, false), null, int.MaxValue, 0,
            background: false);
    }

    private readonly Lock _gate = new();
    private (long Revision, Placement? Placement) _placement = (-1, null);

    private IntakeContext Context(MeasurementSource source, string dataset, bool synthetic) =>
        new(source, dataset, clock, CurrentPlacement(), operators) { Synthetic = synthetic };

    /// <summary>The registry lookups, rebuilt only when the registry changes.</summary>
    private Placement CurrentPlacement()
    {
        var revision = registry.ReadRevision();
        lock (_gate)
        {
            if (_placement.Revision != revision || _placement.Placement is null) _placement = (revision, new Placement(registry.ReadSnapshot()));
            return _placement.Placement;
        }
    }

    /// <summary>
    /// Why a CSV is a file of aggregates rather than of tests (Ookla's country quarterly figures), or null: its rows
    /// are national means and medians per quarter, which no test-by-test import can take, so it is refused whole.
    /// </summary>
    private static string? AggregateFile(string path, string name)
    {
        try
        {
            using var text = new StreamReader(path, LineSources.Utf8, true);
            var header = Geo.Io.CsvReader.Read(text).Select(r => new Geo.Io.CsvHeader(r)).FirstOrDefault();
            return header is not null && Registry.Indicators.OoklaQuarterly.Recognises(header)
                ? "line 1: this is Ookla's country quarterly aggregates (means and medians per quarter), not tests: " +
                  $"import it with `dala import indicators {name}`"
                : null;
        }
        catch (Exception e) when (e is Geo.Io.CsvFormatException or DecoderFallbackException or IOException)
        {
            return null; // the import proper names the problem with its line
        }
    }

    private static IntakeResult Failed(string origin, string error) => new(origin, 0, 0, 0, 0, 0, [], error);

    private static DateTimeOffset? PeriodFromName(string name) =>
        DatePrefix().Match(name) is { Success: true } m &&
        DateTimeOffset.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex DatePrefix();

    private static string QuarantineId(string origin, int line, string content) =>
        "q-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{origin}\n{line}\n{content}"))).ToLowerInvariant()[..24];
}
