using System.Net;
using System.Text;
using System.Text.Json;

namespace Dala.Web.Tests.Hygiene;

/// <summary>Lone surrogates and bytes that are not UTF-8: a measurement line is quarantined by name, a JSON body is a 400 naming its field.</summary>
public sealed class JsonTextApiTests : HygieneApp
{
    private const string Good = "{\"time\":\"2026-11-01T10:00:00Z\",\"lon\":71.43,\"lat\":51.13,\"downMbps\":88}";

    private async Task<JsonElement> Post(HttpContent content)
    {
        var r = await Http.PostAsync("/api/measurements", content);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_lone_surrogate_quarantines_its_line_and_the_good_lines_are_stored()
    {
        var json = await Post(Ndjson("{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"operator\":\"\\ud800\"}\n" + Good + "\n"));
        Assert.Equal((2, 1, 1), (json.GetProperty("lines").GetInt32(), json.GetProperty("stored").GetInt32(), json.GetProperty("quarantined").GetInt32()));
        var first = json.GetProperty("results")[0];
        Assert.Equal("quarantined", first.GetProperty("status").GetString());
        Assert.Equal("json: invalid text (lone surrogate) at operator", first.GetProperty("reasons")[0].GetString());
        var quarantine = JsonDocument.Parse(await Http.GetStringAsync("/api/measurements/quarantine")).RootElement;
        Assert.Equal(1, quarantine.GetArrayLength());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_quarantine_their_line_only()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":5,\"operator\":\"x"), 0xFF, 0xFE,
            .. Encoding.UTF8.GetBytes("\"}\n" + Good + "\n")];
        var json = await Post(NdjsonBytes(body));
        Assert.Equal((2, 1, 1), (json.GetProperty("lines").GetInt32(), json.GetProperty("stored").GetInt32(), json.GetProperty("quarantined").GetInt32()));
        Assert.StartsWith("json: invalid text (invalid UTF-8) at character ", json.GetProperty("results")[0].GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task A_json_body_with_a_lone_surrogate_is_a_400_naming_the_field()
    {
        var r = await Http.PostAsync("/api/quality/obligations",
            new StringContent("{\"id\":\"x\",\"note\":\"a\\udfffb\",\"threshold\":5}", Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.Names(HttpStatusCode.BadRequest, r, "note");
        Assert.Equal("invalid text (lone surrogate)", problem.GetProperty("errors").GetProperty("note")[0].GetString());
    }

    [Fact]
    public async Task A_json_body_with_bytes_that_are_not_utf8_is_a_400_naming_the_field()
    {
        var content = new ByteArrayContent([.. "{\"id\":\"x\",\"by\":[\"a"u8, 0xC0, 0xAF, .. "\"]}"u8]);
        content.Headers.ContentType = new("application/json");
        var r = await Http.PostAsync("/api/quality/obligations", content);
        await ProblemAssert.Names(HttpStatusCode.BadRequest, r, "by[0]");
    }
}
