using System.Net;
using System.Text.Json;

namespace Dala.Web.Tests.Hygiene;

/// <summary>A posted line with an over-long field or a NUL is quarantined by name; nothing of it reaches the aggregates.</summary>
public sealed class FieldCapApiTests : HygieneApp
{
    [Fact]
    public async Task Over_long_and_nul_fields_are_quarantined_and_the_good_line_is_stored()
    {
        var huge = new string('A', 100_000);
        var body = "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":88,\"operator\":\"" + huge + "\"}\n" +
                   "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":88,\"id\":\"a\\u0000b\"}\n" +
                   "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":88,\"operator\":\"kcell\"}\n";
        var r = await Http.PostAsync("/api/measurements", Ndjson(body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((3, 1, 2), (json.GetProperty("lines").GetInt32(), json.GetProperty("stored").GetInt32(), json.GetProperty("quarantined").GetInt32()));
        var results = json.GetProperty("results");
        Assert.Equal("line: 100,083 characters, more than 16,384", results[0].GetProperty("reasons")[0].GetString());
        Assert.Equal("id: holds a NUL character", results[1].GetProperty("reasons")[0].GetString());
        var quarantine = JsonDocument.Parse(await Http.GetStringAsync("/api/measurements/quarantine")).RootElement;
        Assert.All(quarantine.EnumerateArray(), q => Assert.True(q.GetProperty("content").GetString()!.Length <= 200));
        var aggregates = JsonDocument.Parse(await Http.GetStringAsync("/api/quality/aggregates?by=operator")).RootElement;
        Assert.Equal(["kcell"], aggregates.EnumerateArray().Select(a => a.GetProperty("operator").GetString()));
    }

    [Fact]
    public async Task An_operator_just_over_its_cap_is_named_with_its_length()
    {
        var body = "{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":88,\"operator\":\"" + new string('o', 65) + "\"}\n";
        var json = JsonDocument.Parse(await (await Http.PostAsync("/api/measurements", Ndjson(body))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("operator: 65 characters, more than 64", json.GetProperty("results")[0].GetProperty("reasons")[0].GetString());
    }
}
