using System.Net;
using System.Text.Json;

namespace Dala.Web.Tests.Hygiene;

/// <summary>Quarantined lines served by the API keep no client address whole, whatever form it was written in.</summary>
public sealed class AddressMaskApiTests : HygieneApp
{
    [Fact]
    public async Task No_form_of_an_address_survives_in_the_quarantine()
    {
        string[] forms = ["134744072", "0x08080404", "8\\u002e8\\u002e8\\u002e8", "8%2E8%2E8%2E8", "010.8.8.8", "8.8.2056", "[2a00:1450:4001::8888]"];
        var body = string.Concat(forms.Select(f => $"{{\"time\":\"2026-11-01T10:00:00Z\",\"downMbps\":-1,\"clientIp\":\"{f}\"}}\n"));
        var r = await Http.PostAsync("/api/measurements", Ndjson(body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(forms.Length, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("quarantined").GetInt32());
        var served = await Http.GetStringAsync("/api/measurements/quarantine");
        var lines = JsonDocument.Parse(served).RootElement.EnumerateArray().ToArray();
        Assert.Equal(forms.Length, lines.Length);
        foreach (var line in lines)
        {
            var text = line.GetProperty("content").GetString()! + string.Join(" ", line.GetProperty("reasons").EnumerateArray().Select(x => x.GetString()));
            foreach (var f in forms) Assert.DoesNotContain(f, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("8.8.8.8", text);
            Assert.DoesNotContain("8888", text);
        }
    }
}
