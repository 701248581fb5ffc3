using System.Net;
using System.Text.Json;
using Dala.Geo.Io;

namespace Dala.Web.Tests.Hygiene;

/// <summary>An operator name posted anonymously reaches the public aggregates CSV neutralised.</summary>
public sealed class CsvEndpointTests : HygieneApp
{
    [Fact]
    public async Task A_hostile_operator_in_the_aggregates_csv_is_neutralised()
    {
        var body = "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":88,\"bytes\":90000000,\"durationS\":10,\"operator\":\"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\"}\n" +
                   "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":50,\"bytes\":90000000,\"durationS\":10,\"operator\":\"@SUM(A1)\"}\n";
        var posted = await Http.PostAsync("/api/measurements", Ndjson(body));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("stored").GetInt32());
        var csv = await Http.GetStringAsync("/api/quality/aggregates?format=csv&by=operator");
        var operators = CsvReader.Read(new StringReader(csv)).Skip(1).Select(r => r.Fields[2]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["'=HYPERLINK(\"http://evil\",\"x\")", "'@SUM(A1)"], operators);
    }
}
