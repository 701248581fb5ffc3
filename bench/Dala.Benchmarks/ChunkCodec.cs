using System.Diagnostics;
using System.Globalization;
using Dala.Geo;
using Dala.Quality.Model;
using Dala.Registry.Model;
using Dala.Storage.Sqlite.Chunks;

namespace Dala.Benchmarks;

/// <summary>
/// <c>chunk-codec [ROUNDS]</c>: CPU time a test of encoding and decoding the SQLite store's test chunks (Chunks/TestChunk),
/// and of adding a chunk's values to the aggregates' packed values, on one thread, with tests shaped as the synthetic
/// intake file's: <c>chunk-codec: encode_us=... decode_us=... values_us=... bytes_per_test=...</c>.
/// </summary>
public static class ChunkCodec
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var random = new Random(5);
        string[] regions = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39"];
        string[] operators = ["kcell", "beeline", "tele2", "altel", "kaztelecom"];
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var tests = Enumerable.Range(0, TestChunkSink.ChunkTests).Select(i => new Measurement
        {
            Id = "m-" + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture) + i.ToString("x8", CultureInfo.InvariantCulture),
            Time = t0.AddSeconds(random.Next(0, 300 * 86400)), Location = new LonLat(50 + random.NextDouble() * 30, 41 + random.NextDouble() * 14),
            Quadkey = "12" + random.Next(0, 1 << 28).ToString("D14", CultureInfo.InvariantCulture), SettlementId = "osm-" + random.Next(0, 7000),
            RegionCode = regions[random.Next(regions.Length)], OperatorId = operators[random.Next(operators.Length)], Access = Technology.FourG,
            DownMbps = random.NextDouble() * 200, UpMbps = random.NextDouble() * 50, LatencyMs = random.NextDouble() * 100, JitterMs = 3, LossPct = 0.1,
            Bytes = 1 << 20, DurationS = 10, Source = MeasurementSource.Import, Dataset = "synthetic", ClientNetwork = $"10.{random.Next(256)}.{random.Next(256)}.0/24",
            Synthetic = true,
        }).ToList();
        var writer = new TestChunkWriter();
        foreach (var m in tests) writer.Add(m);
        var bytes = writer.Encode().ToArray();
        writer.Clear();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var m in tests) writer.Add(m);
            writer.Encode();
            writer.Clear();
        }
        var encode = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / rounds / tests.Count;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var n = 0L;
        for (var r = 0; r < rounds; r++) n += new TestChunk(bytes).Count;
        var decode = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / rounds / tests.Count;
        var values = new Dala.Storage.Sqlite.SqliteMeasurementValues(null!);
        foreach (var m in tests) writer.Add(m);
        var valueRounds = Math.Min(rounds, (Dala.Storage.Sqlite.SqliteMeasurementValues.FlushValues - 1) / tests.Count);
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < valueRounds; r++) writer.AddValues(values);
        var grouping = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / valueRounds / tests.Count;
        Console.WriteLine($"chunk-codec: tests={tests.Count} encode_us={encode:F3} decode_us={decode:F3} values_us={grouping:F3} " +
                          $"bytes_per_test={bytes.Length / (double)tests.Count:F1} (checked {n})");
        return 0;
    }
}
