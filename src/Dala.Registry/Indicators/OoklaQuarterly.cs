using Dala.Geo.Io;

namespace Dala.Registry.Indicators;

/// <summary>
/// Ookla's open-data country aggregates per quarter (country_code, country_name, year, quarter, network_type, date, then
/// download/upload/latency as weighted and plain means and medians, tile_count, total_tests, total_devices): each numeric
/// column of each network type (fixed, mobile) is one national indicator series, dated the quarter's first day.
/// </summary>
public static class OoklaQuarterly
{
    public const string Source = "Ookla Speedtest open data, country quarterly aggregates (CC BY-NC-SA 4.0)";
    public const string Url = "https://github.com/teamookla/ookla-open-data";

    public static readonly IReadOnlyList<string> Keys = ["country_code", "network_type", "date"];

    public static readonly IReadOnlyList<string> Columns =
    [
        "download_mbps_weighted_mean", "upload_mbps_weighted_mean", "latency_ms_weighted_mean",
        "download_mbps_weighted_median", "upload_mbps_weighted_median", "latency_ms_weighted_median",
        "download_mbps_mean", "upload_mbps_mean", "latency_ms_mean",
        "download_mbps_median", "upload_mbps_median", "latency_ms_median",
        "tile_count", "total_tests", "total_devices",
    ];

    /// <summary>Whether a CSV header is Ookla's country quarterly layout.</summary>
    public static bool Recognises(CsvHeader h) => Keys.All(h.Has) && Columns.All(h.Has);

    public static string IndicatorId(string networkType, string column) => $"ookla-{networkType}-{column}";

    /// <summary>Adds the indicator values of one file row (one per numeric column) to <paramref name="rows"/>.</summary>
    public static void Add(IndicatorRows rows, int line, CsvHeader h, CsvRecord r, string file)
    {
        var country = h.Get(r, "country_code");
        var type = h.Get(r, "network_type")?.ToLowerInvariant();
        if (country != "KZ")
        {
            rows.Errors.Add(new IndicatorRowError(line, "country_code", $"'{country}' is not KZ: Dala keeps Kazakhstan's figures only"));
            return;
        }
        if (type is not ("fixed" or "mobile"))
        {
            rows.Errors.Add(new IndicatorRowError(line, "network_type", $"'{type}' is not fixed or mobile"));
            return;
        }
        foreach (var column in Columns)
        {
            var (name, unit) = Describe(type, column);
            rows.Add(line, f => f switch
            {
                "indicator" => IndicatorId(type, column),
                "name" => name,
                "unit" => unit,
                "date" => h.Get(r, "date"),
                "value" => h.Get(r, column),
                "source" => $"{Source}, {file}",
                "source_url" => Url,
                _ => null,
            });
        }
    }

    private static (string Name, string Unit) Describe(string type, string column)
    {
        var net = type == "fixed" ? "fixed broadband" : "mobile";
        return column switch
        {
            "tile_count" => ($"Ookla {net}: tiles with tests", "tiles"),
            "total_tests" => ($"Ookla {net}: tests", "tests"),
            "total_devices" => ($"Ookla {net}: devices", "devices"),
            _ => Measure(net, column),
        };
    }

    private static (string, string) Measure(string net, string column)
    {
        var parts = column.Split('_');
        var what = parts[0];
        var unit = parts[1] == "mbps" ? "Mbps" : "ms";
        var stat = string.Join(' ', parts[2..]).Replace("weighted", "test-weighted", StringComparison.Ordinal);
        return ($"Ookla {net}: {what}, {stat}", unit);
    }
}
