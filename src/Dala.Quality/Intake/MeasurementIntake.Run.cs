using Dala.Quality.Model;

namespace Dala.Quality.Intake;

public sealed partial class MeasurementIntake
{
    private IntakeResult Run(string origin, IEnumerable<(RawLine? Line, int Number, string Content, string? Error)> lines, IntakeContext ctx, Action<int>? progress)
    {
        var results = new List<LineResult>();
        int count = 0, stored = 0, quarantined = 0, invalid = 0;
        var now = Store.MeasurementColumns.Normalise(clock.Now);
        using var writer = store.BeginAppend();
        var batch = new List<Measurement>(BatchLines);
        var bad = new List<QuarantinedLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var already = new HashSet<string>(StringComparer.Ordinal);
        void Flush()
        {
            var existing = writer.Add(batch, bad);
            already.UnionWith(existing);
            stored += batch.Count - existing.Count;
            batch.Clear();
            bad.Clear();
            progress?.Invoke(count);
        }
        foreach (var (raw, number, content, error) in lines)
        {
            count++;
            var (m, problems) = raw is null ? (null, (IReadOnlyList<string>)[error!]) : MeasurementBuilder.Build(raw, ctx);
            if (m is null)
            {
                quarantined++;
                // Kept text holds no whole client address (the id is a hash of the masked text, so it cannot give one back).
                var masked = NetworkAddress.Mask(content);
                bad.Add(new QuarantinedLine(QuarantineId(origin, number, masked), now, origin, number, RawLine.Clip(masked), [.. problems.Select(NetworkAddress.Mask)]));
                results.Add(new LineResult(number, IntakeResult.QuarantinedStatus, null, null, problems));
            }
            else
            {
                if (!m.Valid) invalid++;
                var duplicate = !seen.Add(m.Id);
                if (!duplicate) batch.Add(m);
                results.Add(new LineResult(number, duplicate ? IntakeResult.DuplicateStatus : IntakeResult.StoredStatus, m.Id, m.Valid, m.Reasons));
            }
            if (batch.Count + bad.Count >= BatchLines) Flush();
        }
        Flush();
        writer.Commit();
        var final = results.Select(r => r.Status == IntakeResult.StoredStatus && already.Contains(r.Id!) ? r with { Status = IntakeResult.DuplicateStatus } : r).ToArray();
        return new IntakeResult(origin, count, stored, final.Count(r => r.Status == IntakeResult.DuplicateStatus), quarantined, invalid, final);
    }
}
